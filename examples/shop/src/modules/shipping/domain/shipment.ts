import { type Brand, type Money, newId } from '@shared';

export type ShipmentId = Brand<string, 'ShipmentId'>;

export type ShipmentStatus = 'planned' | 'label-created' | 'handed-over' | 'delivered';

export interface Destination {
  readonly line1: string;
  readonly line2?: string;
  readonly city: string;
  readonly postalCode: string;
  readonly country: string;
}

export interface ParcelItem {
  readonly productId: string;
  readonly quantity: number;
}

export interface Parcel {
  readonly weightGrams: number;
  readonly items: readonly ParcelItem[];
}

export interface Shipment {
  readonly id: ShipmentId;
  readonly orderId: string;
  readonly recipientId: string;
  readonly destination: Destination;
  readonly parcels: readonly Parcel[];
  readonly cost: Money;
  readonly status: ShipmentStatus;
  readonly trackingNumbers: readonly string[];
  readonly createdAt: Date;
}

export function planShipment(input: {
  orderId: string;
  recipientId: string;
  destination: Destination;
  parcels: readonly Parcel[];
  cost: Money;
}): Shipment {
  if (input.parcels.length === 0) throw new RangeError(`Nothing to ship for order ${input.orderId}`);
  return {
    id: newId('shp') as ShipmentId,
    ...input,
    status: 'planned',
    trackingNumbers: [],
    createdAt: new Date(),
  };
}

export function withLabels(shipment: Shipment, trackingNumbers: readonly string[]): Shipment {
  if (trackingNumbers.length !== shipment.parcels.length) {
    throw new RangeError('One tracking number per parcel is required');
  }
  return { ...shipment, trackingNumbers, status: 'label-created' };
}

export function totalWeightGrams(shipment: Pick<Shipment, 'parcels'>): number {
  return shipment.parcels.reduce((sum, parcel) => sum + parcel.weightGrams, 0);
}
