import { type Brand, type Money, type Result, err, hasPrefix, newId, ok } from '@shared';

export type ProductId = Brand<string, 'ProductId'>;

/** Companion of the `ProductId` type. */
export const ProductId = {
  generate(): ProductId {
    return newId('prd') as ProductId;
  },
  parse(raw: string): Result<ProductId> {
    return hasPrefix(raw, 'prd') ? ok(raw as ProductId) : err(`"${raw}" is not a product id`);
  },
};

export interface Product {
  readonly id: ProductId;
  readonly sku: string;
  readonly name: string;
  readonly description: string;
  readonly price: Money;
  /** Net weight of one item, without packaging. */
  readonly weightGrams: number;
  readonly stock: number;
  readonly active: boolean;
}

export interface NewProduct {
  sku: string;
  name: string;
  description?: string;
  price: Money;
  weightGrams: number;
  stock?: number;
}

const SKU = /^[A-Z0-9]{3,}(-[A-Z0-9]+)*$/;

export function createProduct(input: NewProduct): Result<Product> {
  if (!SKU.test(input.sku)) return err(`"${input.sku}" is not a valid SKU`);
  if (input.price.amount <= 0) return err('A product needs a positive price');
  if (input.weightGrams <= 0) return err('A product needs a positive weight');
  return ok({
    id: ProductId.generate(),
    sku: input.sku,
    name: input.name.trim(),
    description: input.description?.trim() ?? '',
    price: input.price,
    weightGrams: input.weightGrams,
    stock: input.stock ?? 0,
    active: true,
  });
}

export function isAvailable(product: Product, quantity: number): boolean {
  return product.active && quantity > 0 && product.stock >= quantity;
}

/** Takes `quantity` items out of stock for an order. */
export function reserve(product: Product, quantity: number): Result<Product> {
  if (!isAvailable(product, quantity)) {
    return err(`Only ${product.stock} of ${product.sku} left, ${quantity} requested`);
  }
  return ok({ ...product, stock: product.stock - quantity });
}
