import { type Money, type Result, err, mapResult, ok } from '@shared';
import type { ProductRepository } from '../domain/catalog-repositories';
import { type NewProduct, type Product, type ProductId, createProduct, reserve } from '../domain/product';

export interface ProductDto {
  readonly id: ProductId;
  readonly sku: string;
  readonly name: string;
  readonly description: string;
  readonly price: Money;
  readonly weightGrams: number;
  readonly inStock: boolean;
}

export interface StockLine {
  readonly productId: ProductId;
  readonly quantity: number;
}

export class CatalogService {
  constructor(private readonly products: ProductRepository) {}

  async addProduct(input: NewProduct): Promise<Result<ProductDto>> {
    if (await this.products.findBySku(input.sku)) return err(`SKU ${input.sku} already exists`);
    const product = createProduct(input);
    if (product.ok) await this.products.save(product.value);
    return mapResult(product, toProductDto);
  }

  async findProduct(id: ProductId): Promise<ProductDto | undefined> {
    const product = await this.products.findById(id);
    return product && toProductDto(product);
  }

  async listProducts(): Promise<ProductDto[]> {
    const products = await this.products.list();
    return products.filter((p) => p.active).map(toProductDto);
  }

  /** All or nothing: either every line is reserved or stock stays untouched. */
  async reserveStock(lines: readonly StockLine[]): Promise<Result<void>> {
    const reserved: Product[] = [];
    for (const line of lines) {
      const product = await this.products.findById(line.productId);
      if (!product) return err(`Unknown product ${line.productId}`);
      const next = reserve(product, line.quantity);
      if (!next.ok) return next;
      reserved.push(next.value);
    }
    await Promise.all(reserved.map((product) => this.products.save(product)));
    return ok(undefined);
  }
}

export function toProductDto(product: Product): ProductDto {
  return {
    id: product.id,
    sku: product.sku,
    name: product.name,
    description: product.description,
    price: product.price,
    weightGrams: product.weightGrams,
    inStock: product.stock > 0,
  };
}
