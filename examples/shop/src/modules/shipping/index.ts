/**
 * Public API of the shipping module: turns paid orders into parcels, labels and shipments.
 * Other modules import from `@shop/shipping` only.
 */
import type { EventBus } from '@shared';
import { ParcelPlanner, type ProductCatalog } from './application/parcel-planner';
import { ShippingService } from './application/shipping-service';
import { FakeCarrierClient } from './infrastructure/carrier-client';
import { InMemoryShipmentRepository } from './infrastructure/in-memory-shipment-repository';

export type { ShipmentDto } from './application/shipping-service';

export type ShippingApi = Pick<ShippingService, 'shipmentsForOrder'>;

export interface ShippingModuleDeps {
  readonly bus: EventBus;
  readonly catalog: ProductCatalog;
}

export function createShippingModule(deps: ShippingModuleDeps): ShippingApi {
  const service = new ShippingService(
    new InMemoryShipmentRepository(),
    new ParcelPlanner(deps.catalog),
    new FakeCarrierClient(),
  );
  service.listen(deps.bus);
  return service;
}
