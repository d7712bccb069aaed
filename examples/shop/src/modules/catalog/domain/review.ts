import type { ProductId } from './product';

export type Rating = 1 | 2 | 3 | 4 | 5;

export interface Review {
  readonly productId: ProductId;
  readonly authorId: string;
  /** Captured when the review is written, so renaming an account does not rewrite history. */
  readonly authorName: string;
  readonly rating: Rating;
  readonly text: string;
  readonly writtenAt: Date;
}

export function isRating(value: number): value is Rating {
  return Number.isInteger(value) && value >= 1 && value <= 5;
}

export function averageRating(reviews: readonly Review[]): number | undefined {
  if (reviews.length === 0) return undefined;
  const sum = reviews.reduce((total, review) => total + review.rating, 0);
  return Math.round((sum / reviews.length) * 10) / 10;
}
