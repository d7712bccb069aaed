import type { ProductRepository } from '../domain/catalog-repositories';
import type { Product, ProductId } from '../domain/product';

export class InMemoryProductRepository implements ProductRepository {
  private readonly byId = new Map<ProductId, Product>();

  async findById(id: ProductId): Promise<Product | undefined> {
    return this.byId.get(id);
  }

  async findBySku(sku: string): Promise<Product | undefined> {
    return [...this.byId.values()].find((product) => product.sku === sku);
  }

  async list(): Promise<Product[]> {
    return [...this.byId.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  async save(product: Product): Promise<void> {
    this.byId.set(product.id, product);
  }
}
