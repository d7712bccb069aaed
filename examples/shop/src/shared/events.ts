/**
 * A minimal in-process event bus. Modules publish facts ("order paid") and other modules react,
 * which keeps the publisher ignorant of its subscribers.
 */
export interface DomainEvent<TType extends string = string, TPayload = unknown> {
  readonly type: TType;
  readonly occurredAt: Date;
  readonly payload: TPayload;
}

export type EventHandler<E extends DomainEvent = DomainEvent> = (event: E) => void | Promise<void>;

export class EventBus {
  private readonly handlers = new Map<string, EventHandler[]>();

  subscribe<E extends DomainEvent>(type: E['type'], handler: EventHandler<E>): () => void {
    const list = this.handlers.get(type) ?? [];
    list.push(handler as EventHandler);
    this.handlers.set(type, list);
    return () => {
      const current = this.handlers.get(type) ?? [];
      this.handlers.set(type, current.filter((h) => h !== handler));
    };
  }

  /** Runs every handler; one failing handler does not stop the others. */
  async publish(event: DomainEvent): Promise<void> {
    const list = this.handlers.get(event.type) ?? [];
    const outcomes = await Promise.allSettled(list.map(async (handler) => handler(event)));
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') {
        console.error(`Handler for ${event.type} failed:`, outcome.reason);
      }
    }
  }
}

export function event<TType extends string, TPayload>(
  type: TType,
  payload: TPayload,
): DomainEvent<TType, TPayload> {
  return { type, occurredAt: new Date(), payload };
}
