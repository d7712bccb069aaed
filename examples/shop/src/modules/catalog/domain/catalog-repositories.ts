import type { Product, ProductId } from './product';
import type { Review } from './review';

export interface ProductRepository {
  findById(id: ProductId): Promise<Product | undefined>;
  findBySku(sku: string): Promise<Product | undefined>;
  list(): Promise<Product[]>;
  save(product: Product): Promise<void>;
}

export interface ReviewRepository {
  forProduct(id: ProductId): Promise<Review[]>;
  add(review: Review): Promise<void>;
}
