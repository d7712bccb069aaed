/**
 * Composition root. It belongs to no module on purpose: it is the one place that knows every
 * module, creates them and wires them together through their public APIs.
 */
import { EventBus, money, unwrap } from '@shared';
import { type BillingApi, createBillingModule } from '@shop/billing';
import { createCatalogModule } from '@shop/catalog';
import { type OrdersApi, createOrdersModule } from '@shop/orders';
import { createShippingModule } from '@shop/shipping';
import { createUsersModule } from '@shop/users';
import { type ShopApis, startServer } from './server';

export function createShop(): ShopApis {
  const bus = new EventBus();
  const users = createUsersModule();
  const { catalog, reviews } = createCatalogModule();

  // orders needs billing (to invoice a checkout) and billing needs orders (to mark an order paid):
  // the orders <-> billing cycle that Bulkhead reports shows up here as a lazy reference.
  let orders: OrdersApi | undefined;
  const billing: BillingApi = createBillingModule({
    users,
    orders: () => {
      if (!orders) throw new Error('orders module is not ready yet');
      return orders;
    },
  });
  const ordering = createOrdersModule({ bus, catalog, users, billing });
  orders = ordering.orders;

  const shipping = createShippingModule({ bus, catalog });
  return { users, catalog, reviews, orders, checkout: ordering.checkout, billing, shipping };
}

/** Demo data, so that `GET /products` has something to show. */
export async function seed(shop: ShopApis): Promise<void> {
  const products = [
    { sku: 'MUG-001', name: 'Enamel mug', price: money(1450), weightGrams: 310, stock: 120 },
    { sku: 'TEE-BLK-M', name: 'Black T-shirt (M)', price: money(2290), weightGrams: 180, stock: 40 },
    { sku: 'LAMP-DSK', name: 'Desk lamp', price: money(5900), weightGrams: 1450, stock: 12 },
  ];
  for (const product of products) unwrap(await shop.catalog.addProduct(product));
  unwrap(
    await shop.users.register({
      email: 'ada@example.com',
      firstName: 'Ada',
      lastName: 'Lovelace',
      shippingAddress: { line1: 'Hauptstr. 1', city: 'Berlin', postalCode: '10115', country: 'DE' },
    }),
  );
}

async function main(): Promise<void> {
  const shop = createShop();
  await seed(shop);
  startServer(shop, Number(process.env.PORT ?? 3000));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
