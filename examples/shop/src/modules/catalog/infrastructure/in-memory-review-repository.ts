import type { ReviewRepository } from '../domain/catalog-repositories';
import type { ProductId } from '../domain/product';
import type { Review } from '../domain/review';

export class InMemoryReviewRepository implements ReviewRepository {
  private readonly byProduct = new Map<ProductId, Review[]>();

  async forProduct(id: ProductId): Promise<Review[]> {
    return [...(this.byProduct.get(id) ?? [])];
  }

  async add(review: Review): Promise<void> {
    const list = this.byProduct.get(review.productId) ?? [];
    list.push(review);
    this.byProduct.set(review.productId, list);
  }
}
