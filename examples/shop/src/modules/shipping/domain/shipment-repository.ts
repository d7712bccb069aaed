import type { Shipment, ShipmentId } from './shipment';

export interface ShipmentRepository {
  findById(id: ShipmentId): Promise<Shipment | undefined>;
  findByOrder(orderId: string): Promise<Shipment[]>;
  save(shipment: Shipment): Promise<void>;
}
