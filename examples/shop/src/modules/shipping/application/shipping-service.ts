import { type EventBus, type Money, type Result, err, ok, sumMoney } from '@shared';
import { type Shipment, planShipment, totalWeightGrams, withLabels } from '../domain/shipment';
import type { ShipmentRepository } from '../domain/shipment-repository';
import { parcelCost, zoneOf } from '../domain/shipping-rates';
import type { ParcelPlanner } from './parcel-planner';
// deliberate (undeclared-dependency via re-export laundering): `UserId` is re-exported by the orders
// public API, but it is declared in the users module. Importing it through `@shop/orders` does not
// make shipping independent of users; Bulkhead follows the re-export and reports shipping -> users,
// which shipping does not declare. Fix: keep the customer id a plain string in shipping.
import { UserId, type OrderPaidEvent } from '@shop/orders';

/** Port to the carrier's label API; the adapter lives in infrastructure/. */
export interface Carrier {
  createLabels(shipment: Shipment): Promise<Result<string[]>>;
}

export interface ShipmentDto {
  readonly id: string;
  readonly orderId: string;
  readonly status: Shipment['status'];
  readonly parcels: number;
  readonly weightGrams: number;
  readonly cost: Money;
  readonly trackingNumbers: readonly string[];
}

export class ShippingService {
  constructor(
    private readonly shipments: ShipmentRepository,
    private readonly planner: ParcelPlanner,
    private readonly carrier: Carrier,
  ) {}

  /** Ships every order as soon as it is paid. */
  listen(bus: EventBus): void {
    bus.subscribe<OrderPaidEvent>('orders.order-paid', async (event) => {
      const shipped = await this.shipPaidOrder(event);
      if (!shipped.ok) console.warn(`Could not ship order ${event.payload.orderId}: ${shipped.error}`);
    });
  }

  async shipPaidOrder(event: OrderPaidEvent): Promise<Result<ShipmentDto>> {
    const { orderId, customerId, shippingAddress, lines } = event.payload;
    const recipient = UserId.parse(customerId);
    if (!recipient.ok) return recipient;
    if ((await this.shipments.findByOrder(orderId)).length > 0) {
      return err(`Order ${orderId} is already shipped`);
    }

    const parcels = await this.planner.plan(lines);
    const zone = zoneOf(shippingAddress.country);
    const planned = planShipment({
      orderId,
      recipientId: recipient.value,
      destination: shippingAddress,
      parcels,
      cost: sumMoney(parcels.map((parcel) => parcelCost(zone, parcel.weightGrams))),
    });
    const labels = await this.carrier.createLabels(planned);
    if (!labels.ok) return labels;
    const labelled = withLabels(planned, labels.value);
    await this.shipments.save(labelled);
    return ok(toShipmentDto(labelled));
  }

  async shipmentsForOrder(orderId: string): Promise<ShipmentDto[]> {
    const shipments = await this.shipments.findByOrder(orderId);
    return shipments.map(toShipmentDto);
  }
}

function toShipmentDto(shipment: Shipment): ShipmentDto {
  return {
    id: shipment.id,
    orderId: shipment.orderId,
    status: shipment.status,
    parcels: shipment.parcels.length,
    weightGrams: totalWeightGrams(shipment),
    cost: shipment.cost,
    trackingNumbers: shipment.trackingNumbers,
  };
}
