import { type Result, ok } from '@shared';
import type { Carrier } from '../application/shipping-service';
import type { Shipment } from '../domain/shipment';

/**
 * Development stand-in for the carrier's label API: hands out fake tracking numbers and keeps
 * the "printed" labels in memory.
 */
export class FakeCarrierClient implements Carrier {
  private nextNumber = 1;
  readonly printed: { trackingNumber: string; shipmentId: string; weightGrams: number }[] = [];

  async createLabels(shipment: Shipment): Promise<Result<string[]>> {
    const numbers = shipment.parcels.map((parcel) => {
      const trackingNumber = `JJD${String(this.nextNumber++).padStart(10, '0')}`;
      this.printed.push({ trackingNumber, shipmentId: shipment.id, weightGrams: parcel.weightGrams });
      return trackingNumber;
    });
    return ok(numbers);
  }
}
