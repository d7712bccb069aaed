/** Table names ORMs derive from class or model names when the code gives none. */

/** TypeORM's default naming strategy: `InvoiceLine` → `invoice_line`. */
export function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

/** English plural as Sequelize and Mongoose apply it to model names (the common cases). */
export function pluralize(name: string): string {
  if (/[^aeiou]y$/i.test(name)) return `${name.slice(0, -1)}ies`;
  if (/(?:s|x|z|ch|sh)$/i.test(name)) return `${name}es`;
  return `${name}s`;
}

/** Prisma's client delegate for a model: `InvoiceLine` → `invoiceLine`. */
export function prismaDelegate(model: string): string {
  return model.charAt(0).toLowerCase() + model.slice(1);
}
