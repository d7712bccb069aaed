/**
 * A small JSON-over-HTTP adapter on Node's http module. Like main.ts it belongs to no module: it
 * only talks to the modules' public APIs, which main.ts hands it.
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { Result } from '@shared';
import { type BillingApi, InvoiceId, type PaymentMethod } from '@shop/billing';
import { type CatalogApi, ProductId, type ReviewsApi } from '@shop/catalog';
import { type CheckoutApi, OrderId, type OrdersApi } from '@shop/orders';
import type { ShippingApi } from '@shop/shipping';
import { UserId, type UsersApi } from '@shop/users';

export interface ShopApis {
  readonly users: UsersApi;
  readonly catalog: CatalogApi;
  readonly reviews: ReviewsApi;
  readonly orders: OrdersApi;
  readonly checkout: CheckoutApi;
  readonly billing: BillingApi;
  readonly shipping: ShippingApi;
}

type Reply = { status: number; body: unknown };
type Route = (params: string[], body: unknown, apis: ShopApis) => Promise<Reply>;

const found = (body: unknown): Reply => (body === undefined ? notFound : { status: 200, body });
const notFound: Reply = { status: 404, body: { error: 'Not found' } };
const fromResult = <T>(result: Result<T>, status = 200): Reply =>
  result.ok ? { status, body: result.value } : { status: 422, body: { error: result.error } };
const badId = (error: string): Reply => ({ status: 400, body: { error } });

const routes: [method: string, pattern: RegExp, route: Route][] = [
  ['GET', /^\/products$/, async (_, __, { catalog }) => found(await catalog.listProducts())],
  ['GET', /^\/products\/([^/]+)$/, async ([raw], _, { catalog }) => {
    const id = ProductId.parse(raw);
    return id.ok ? found(await catalog.findProduct(id.value)) : badId(id.error);
  }],
  ['GET', /^\/products\/([^/]+)\/reviews$/, async ([raw], _, { reviews }) => {
    const id = ProductId.parse(raw);
    return id.ok ? found(await reviews.reviewsFor(id.value)) : badId(id.error);
  }],
  ['POST', /^\/products\/([^/]+)\/reviews$/, async ([raw], body, { reviews, users }) => {
    const input = body as { userId: string; rating: number; text: string };
    const productId = ProductId.parse(raw);
    const userId = UserId.parse(input.userId);
    if (!productId.ok) return badId(productId.error);
    if (!userId.ok) return badId(userId.error);
    const user = await users.getUser(userId.value);
    if (!user) return notFound;
    const [firstName, ...rest] = user.fullName.split(' ');
    const author = { id: user.id, firstName, lastName: rest.join(' ') };
    return fromResult(await reviews.writeReview({ ...input, productId: productId.value, author }), 201);
  }],
  ['POST', /^\/users$/, async (_, body, { users }) =>
    fromResult(await users.register(body as Parameters<UsersApi['register']>[0]), 201)],
  ['POST', /^\/checkout$/, async (_, body, { checkout }) => {
    const input = body as { customerId: string; lines: { productId: string; quantity: number }[] };
    const customerId = UserId.parse(input.customerId);
    if (!customerId.ok) return badId(customerId.error);
    const lines = [];
    for (const line of input.lines) {
      const productId = ProductId.parse(line.productId);
      if (!productId.ok) return badId(productId.error);
      lines.push({ productId: productId.value, quantity: line.quantity });
    }
    return fromResult(await checkout.checkout({ customerId: customerId.value, lines }), 201);
  }],
  ['GET', /^\/orders\/([^/]+)$/, async ([raw], _, { orders }) => {
    const id = OrderId.parse(raw);
    return id.ok ? found(await orders.getOrder(id.value)) : badId(id.error);
  }],
  ['GET', /^\/orders\/([^/]+)\/shipments$/, async ([raw], _, { shipping }) =>
    found(await shipping.shipmentsForOrder(raw))],
  ['POST', /^\/invoices\/([^/]+)\/payments$/, async ([raw], body, { billing }) => {
    const id = InvoiceId.parse(raw);
    return id.ok ? fromResult(await billing.pay(id.value, body as PaymentMethod)) : badId(id.error);
  }],
];

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

function send(response: ServerResponse, reply: Reply): void {
  response.writeHead(reply.status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(reply.body));
}

export async function handle(method: string, path: string, body: unknown, apis: ShopApis): Promise<Reply> {
  for (const [routeMethod, pattern, route] of routes) {
    const match = method === routeMethod ? pattern.exec(path) : null;
    if (match) return route(match.slice(1).map(decodeURIComponent), body, apis);
  }
  return notFound;
}

export function startServer(apis: ShopApis, port = 3000): Server {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    readJson(request)
      .then((body) => handle(request.method ?? 'GET', path, body, apis))
      .then((reply) => send(response, reply))
      .catch((error: unknown) => send(response, { status: 500, body: { error: String(error) } }));
  });
  server.listen(port, () => console.log(`shop listening on http://localhost:${port}`));
  return server;
}
