/**
 * The SQL condition "release `alias` is visible to fans in territory `$territory` at `$now`": it is
 * scheduled or released, has a published version, and a window of its territory (or of `*` when the
 * territory has none of its own) is open. Every public read (pages, lists, search, artwork) uses it,
 * so an embargo is enforced by the api and not merely hidden by a console.
 *
 * `territory` and `now` are placeholders such as `$2` and `$3` (text and timestamptz).
 */
export function visibleReleaseCondition(alias: string, territory: string, now: string): string {
  return `(${alias}.status in ('scheduled', 'released') and ${alias}.version > 0 and exists (
    select 1 from catalog.release_availability visible_window
     where visible_window.release_id = ${alias}.release_id
       and visible_window.territory = (
         case when exists (
           select 1 from catalog.release_availability own_window
            where own_window.release_id = ${alias}.release_id and own_window.territory = ${territory}::text
         ) then ${territory}::text else '*' end)
       and visible_window.opens_at <= ${now}::timestamptz
       and (visible_window.closes_at is null or visible_window.closes_at > ${now}::timestamptz)))`;
}
