import "server-only";

/**
 * The lease protocol, shared by the tables whose rows a worker takes for a while
 * (generations, element tasks): `leaseOwner` says who holds a row, `leaseUntil` until when.
 * Both writes are one conditional updateMany, atomic in SQLite and PostgreSQL, so of two
 * workers racing for a row exactly one sees count 1.
 */
type LeaseWhere =
  | { id: string; OR: ({ leaseUntil: null } | { leaseUntil: { lt: Date } })[] }
  | { id: string; leaseOwner: string };

type LeasedTable<Data> = {
  updateMany(args: { where: LeaseWhere; data: Data }): PromiseLike<{ count: number }>;
};

/** Takes row `id` for `owner` until `until`, if nobody holds a live lease on it. */
export async function takeLease(
  table: LeasedTable<{ leaseOwner: string; leaseUntil: Date }>,
  id: string,
  owner: string,
  now: Date,
  until: Date,
): Promise<boolean> {
  const result = await table.updateMany({
    where: { id, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
    data: { leaseOwner: owner, leaseUntil: until },
  });
  return result.count === 1;
}

/** Writes `data` to row `id` only while `owner` still holds its lease. */
export async function writeHoldingLease<Data>(
  table: LeasedTable<Data>,
  id: string,
  owner: string,
  data: Data,
): Promise<boolean> {
  const result = await table.updateMany({ where: { id, leaseOwner: owner }, data });
  return result.count === 1;
}
