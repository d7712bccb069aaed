/**
 * Public API of the catalog module: products, prices, stock and reviews.
 * Other modules import from `@shop/catalog` only.
 */
import { CatalogService, type ProductDto } from './application/catalog-service';
import { ReviewService } from './application/review-service';
import { InMemoryProductRepository } from './infrastructure/in-memory-product-repository';
import { InMemoryReviewRepository } from './infrastructure/in-memory-review-repository';

export { ProductId } from './domain/product';
export type { NewProduct } from './domain/product';
export type { ProductDto, StockLine } from './application/catalog-service';
export type { ProductReviews, ReviewAuthor, ReviewDto, WriteReviewCommand } from './application/review-service';

export type CatalogApi = Pick<CatalogService, 'addProduct' | 'findProduct' | 'listProducts' | 'reserveStock'>;
export type ReviewsApi = Pick<ReviewService, 'writeReview' | 'reviewsFor'>;

/** Box and padding added to every item when estimating what a parcel weighs. */
const PACKAGING_GRAMS = 120;

export function shippingWeightGrams(product: Pick<ProductDto, 'weightGrams'>, quantity = 1): number {
  return (product.weightGrams + PACKAGING_GRAMS) * quantity;
}

export function createCatalogModule(): { catalog: CatalogApi; reviews: ReviewsApi } {
  const products = new InMemoryProductRepository();
  return {
    catalog: new CatalogService(products),
    reviews: new ReviewService(new InMemoryReviewRepository(), products),
  };
}
