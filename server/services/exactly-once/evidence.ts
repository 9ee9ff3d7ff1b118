/**
 * Reconciliation's one rule, as a pure function: which upstream object (if any) a lost answer
 * made. It never guesses. An object is this intent's only when evidence ties it to the intent:
 *   - it carries the intent's own marker (a name we chose and nobody else has), or
 *   - it appeared after the "before" snapshot taken under the per-account lock and carries the
 *     names the request asked for (hostname, domain); where the provider lets us put nothing on
 *     it (Inferno orders), appearing is the only evidence,
 * and no other unsettled intent could claim it just as well. One such object settles the intent;
 * several, or one that another intent owns or could own, make it `needs_review`; none: wait.
 */

export interface UpstreamObject {
  id: string
  /** Names the object carries (name, hostname, label, domain). */
  marks: string[]
}

export interface Claimant {
  /** Upstream ids that existed before its call. */
  before: string[]
  /** Names its object would carry (empty: any new object could be its). */
  names: string[]
}

export interface DecideInput extends Claimant {
  now: UpstreamObject[]
  /** A marker only this intent carries (VirtFusion's name), or null. */
  uniqueMarker: string | null
  /** Upstream ids other intents already own. */
  owned: Set<string>
  /** Other unsettled intents on the same account. */
  rivals: Claimant[]
}

export type Verdict =
  | { verdict: 'settle', upstreamId: string, how: 'marker' | 'difference' }
  | { verdict: 'review', candidates: string[], reason: string }
  | { verdict: 'wait' }

const norm = (s: string) => s.trim().toLowerCase()
const carries = (o: UpstreamObject, names: string[]) => o.marks.some(m => names.some(n => norm(m) === norm(n)))

export function decide(input: DecideInput): Verdict {
  if (input.uniqueMarker) {
    const marked = input.now.filter(o => o.marks.some(m => norm(m).includes(norm(input.uniqueMarker!))))
    if (marked.length > 1) return { verdict: 'review', candidates: marked.map(o => o.id), reason: 'several upstream objects carry this intent\'s marker' }
    if (marked.length === 1) {
      const [o] = marked
      if (input.owned.has(o!.id)) return { verdict: 'review', candidates: [o!.id], reason: `upstream object ${o!.id} carries this intent's marker but another intent owns it` }
      return { verdict: 'settle', upstreamId: o!.id, how: 'marker' }
    }
    // Not there (yet): with our own marker on every object we make, absence is not a candidate.
    return { verdict: 'wait' }
  }
  const fresh = input.now.filter(o => !input.before.includes(o.id))
  const matching = input.names.length ? fresh.filter(o => carries(o, input.names)) : fresh
  // Owned by another intent: that intent has its own evidence, so the object is not ours.
  const free = matching.filter(o => !input.owned.has(o.id))
  const contested = free.filter(o => input.rivals.some(r => !r.before.includes(o.id) && (!r.names.length || carries(o, r.names))))
  if (free.length > 1) return { verdict: 'review', candidates: free.map(o => o.id), reason: `${free.length} new upstream objects could be this intent's` }
  if (contested.length) return { verdict: 'review', candidates: contested.map(o => o.id), reason: 'another unsettled request on this account could have made the same object' }
  if (free.length === 1) return { verdict: 'settle', upstreamId: free[0]!.id, how: 'difference' }
  return { verdict: 'wait' }
}
