import { type Result, err, ok } from '@shared';
import type { ProductRepository, ReviewRepository } from '../domain/catalog-repositories';
import type { ProductId } from '../domain/product';
import { type Rating, type Review, averageRating, isRating } from '../domain/review';
// deliberate (internal-import + undeclared-dependency): the catalog reaches into the users module's
// domain model to format reviewer names. `domain/user` is not part of the users public API
// (`@shop/users`), and catalog's dependsOn does not list users at all, so both rules fire on this
// line. Fix: let the caller pass the author's display name in (it has a UserDto at hand).
import { displayName } from '@shop/users/domain/user';

export interface ReviewAuthor {
  readonly id: string;
  readonly firstName: string;
  readonly lastName: string;
}

export interface WriteReviewCommand {
  readonly productId: ProductId;
  readonly author: ReviewAuthor;
  readonly rating: number;
  readonly text: string;
}

export interface ReviewDto {
  readonly author: string;
  readonly rating: Rating;
  readonly text: string;
  readonly writtenAt: string;
}

export interface ProductReviews {
  readonly average: number | undefined;
  readonly reviews: readonly ReviewDto[];
}

export class ReviewService {
  constructor(
    private readonly reviews: ReviewRepository,
    private readonly products: ProductRepository,
  ) {}

  async writeReview(command: WriteReviewCommand): Promise<Result<ReviewDto>> {
    if (!(await this.products.findById(command.productId))) {
      return err(`Unknown product ${command.productId}`);
    }
    if (!isRating(command.rating)) return err('A rating is a whole number from 1 to 5');
    if (command.text.trim().length < 10) return err('Please write at least a sentence');
    const review: Review = {
      productId: command.productId,
      authorId: command.author.id,
      authorName: displayName(command.author),
      rating: command.rating,
      text: command.text.trim(),
      writtenAt: new Date(),
    };
    await this.reviews.add(review);
    return ok(toReviewDto(review));
  }

  async reviewsFor(productId: ProductId): Promise<ProductReviews> {
    const reviews = await this.reviews.forProduct(productId);
    const newestFirst = [...reviews].sort((a, b) => b.writtenAt.getTime() - a.writtenAt.getTime());
    return { average: averageRating(reviews), reviews: newestFirst.map(toReviewDto) };
  }
}

function toReviewDto(review: Review): ReviewDto {
  return {
    author: review.authorName,
    rating: review.rating,
    text: review.text,
    writtenAt: review.writtenAt.toISOString(),
  };
}
