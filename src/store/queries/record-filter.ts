/** A filter on cross-article records, given by a name (any of its names), an id, or both (the id, if the name fits it). */
import { type Db, entityPksNamed } from "./common.js";

/** The record ids to keep; null: no filter; empty: nothing can match. */
export async function recordFilter(db: Db, name: string | undefined, id: number | undefined): Promise<number[] | null> {
  let pks: number[] | null = null;
  if (name !== undefined) pks = await entityPksNamed(db, name);
  if (id !== undefined) pks = pks === null || pks.includes(id) ? [id] : [];
  return pks;
}
