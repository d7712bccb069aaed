import type { Parcel, ParcelItem } from '../domain/shipment';
import { MAX_PARCEL_GRAMS } from '../domain/shipping-rates';
// deliberate (undeclared-dependency, through the public API): shipping asks the catalog for product
// weights. The import respects catalog's public API, but bulkhead.json does not let shipping depend
// on catalog (its dependsOn is shared and orders). Fix: put weights on the OrderPaid event, or
// declare shipping -> catalog if the team agrees that shipping may know the catalog.
import { ProductId, shippingWeightGrams, type CatalogApi } from '@shop/catalog';

export type ProductCatalog = Pick<CatalogApi, 'findProduct'>;

/** Used when the catalog no longer knows a product (delisted after the order was placed). */
const FALLBACK_ITEM_GRAMS = 1_000;

export class ParcelPlanner {
  constructor(private readonly catalog: ProductCatalog) {}

  /** First-fit packing: items go into the first parcel with room, heaviest items first. */
  async plan(items: readonly ParcelItem[]): Promise<Parcel[]> {
    const weighed: { item: ParcelItem; grams: number }[] = [];
    for (const item of items) {
      const grams = await this.weightOf(item.productId);
      for (let n = 0; n < item.quantity; n++) {
        weighed.push({ item: { productId: item.productId, quantity: 1 }, grams });
      }
    }
    weighed.sort((a, b) => b.grams - a.grams);

    const parcels: { weightGrams: number; items: ParcelItem[] }[] = [];
    for (const { item, grams } of weighed) {
      let parcel = parcels.find((p) => p.weightGrams + grams <= MAX_PARCEL_GRAMS);
      if (!parcel) {
        parcel = { weightGrams: 0, items: [] };
        parcels.push(parcel);
      }
      parcel.weightGrams += grams;
      const same = parcel.items.findIndex((i) => i.productId === item.productId);
      if (same >= 0) {
        parcel.items[same] = { ...parcel.items[same], quantity: parcel.items[same].quantity + 1 };
      } else {
        parcel.items.push(item);
      }
    }
    return parcels;
  }

  private async weightOf(rawProductId: string): Promise<number> {
    const id = ProductId.parse(rawProductId);
    const product = id.ok ? await this.catalog.findProduct(id.value) : undefined;
    return product ? shippingWeightGrams(product) : FALLBACK_ITEM_GRAMS;
  }
}
