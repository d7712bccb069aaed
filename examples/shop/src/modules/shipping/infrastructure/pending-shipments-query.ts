/**
 * Backlog query for the nightly "paid but not shipped" report, run against the Postgres replica
 * the composition root connects to. The client is any node-postgres compatible pool.
 */
export interface SqlClient {
  query<Row>(text: string, values?: readonly unknown[]): Promise<{ rows: Row[] }>;
}

export async function pendingShipmentOrderIds(db: SqlClient, olderThanHours: number): Promise<string[]> {
  // deliberate: shipping reads the orders module's table instead of keeping its own record of
  // paid orders from OrderPaidEvent. The query breaks as soon as orders changes its schema.
  const { rows } = await db.query<{ id: string }>(
    `SELECT o.id
       FROM orders o
      WHERE o.status = 'paid'
        AND o.paid_at < now() - make_interval(hours => $1)
        AND NOT EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.id)`,
    [olderThanHours],
  );
  return rows.map((row) => row.id);
}
