import { type Money, type Result, err, formatMoney, mapResult } from '@shared';
import { UserId, type UsersApi } from '@shop/users';
import {
  type Invoice,
  type InvoiceId,
  type InvoiceLine,
  type InvoiceStatus,
  amountDue,
  issueInvoice,
} from '../domain/invoice';
import type { InvoiceRepository } from '../domain/invoice-repository';

export interface IssueInvoiceCommand {
  readonly orderId: string;
  readonly customerId: string;
  readonly lines: readonly InvoiceLine[];
}

export interface InvoiceDto {
  readonly id: InvoiceId;
  readonly orderId: string;
  readonly billedTo: string;
  readonly status: InvoiceStatus;
  readonly gross: Money;
  readonly due: Money;
  readonly dueText: string;
}

export class InvoiceService {
  constructor(
    private readonly invoices: InvoiceRepository,
    private readonly users: UsersApi,
  ) {}

  async issueInvoice(command: IssueInvoiceCommand): Promise<Result<InvoiceDto>> {
    if (await this.invoices.findByOrder(command.orderId)) {
      return err(`Order ${command.orderId} is already invoiced`);
    }
    const customerId = UserId.parse(command.customerId);
    if (!customerId.ok) return customerId;
    const customer = await this.users.getUser(customerId.value);
    if (!customer) return err(`Unknown customer ${command.customerId}`);

    const invoice = issueInvoice({ ...command, billedTo: customer.fullName });
    if (invoice.ok) await this.invoices.save(invoice.value);
    return mapResult(invoice, toInvoiceDto);
  }

  async getInvoice(id: InvoiceId): Promise<InvoiceDto | undefined> {
    const invoice = await this.invoices.findById(id);
    return invoice && toInvoiceDto(invoice);
  }
}

export function toInvoiceDto(invoice: Invoice): InvoiceDto {
  const due = amountDue(invoice);
  return {
    id: invoice.id,
    orderId: invoice.orderId,
    billedTo: invoice.billedTo,
    status: invoice.status,
    gross: invoice.gross,
    due,
    dueText: formatMoney(due),
  };
}
