import type { Shipment, ShipmentId } from '../domain/shipment';
import type { ShipmentRepository } from '../domain/shipment-repository';

export class InMemoryShipmentRepository implements ShipmentRepository {
  private readonly byId = new Map<ShipmentId, Shipment>();

  async findById(id: ShipmentId): Promise<Shipment | undefined> {
    return this.byId.get(id);
  }

  async findByOrder(orderId: string): Promise<Shipment[]> {
    return [...this.byId.values()].filter((shipment) => shipment.orderId === orderId);
  }

  async save(shipment: Shipment): Promise<void> {
    this.byId.set(shipment.id, shipment);
  }
}
