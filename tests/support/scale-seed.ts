/**
 * 10,000 servers over four accounts, 1,000 zones assigned to one customer who owns 50 of the
 * servers: the scale the listing is measured and EXPLAINed at (bench, server test). Runs on any
 * `query(text, params)` (pg or PGlite); the schema must be migrated. Names are pseudo-random so
 * the name order is not the insertion order; `extra` carries ~1 KB like real upstream records.
 */
export const SCALE = { servers: 10_000, zones: 1_000, customerServers: 50, accounts: 4 }

type Query = (text: string, params?: unknown[]) => Promise<{ rows: any[] }>

export async function seedScale(query: Query): Promise<{ customerId: string, accountSlugs: string[] }> {
  const [customer] = (await query(
    `insert into users (email, name, password_hash, role) values ('scale-customer@example.com', 'Scale Customer', 'not-a-hash', 'customer')
     on conflict (email) do update set name = excluded.name returning id`)).rows
  await query(
    `insert into provider_accounts (slug, type, display_name, credentials_ciphertext, credentials_key_id)
     select 'scale-' || i, (array['virtfusion','virtua','hostinger','inferno'])[i], 'Scale ' || i, 'none', 'none'
     from generate_series(1, ${SCALE.accounts}) i on conflict (slug) do nothing`)
  // Marked as synced, so a listing does not try to read these accounts upstream.
  await query(
    `insert into account_sync (account_id, last_attempt_at, last_success_at)
     select id, now(), now() from provider_accounts where slug like 'scale-%' on conflict (account_id) do nothing`)
  await query(
    `insert into servers (account_id, upstream_id, name, hostname, status, raw_status, ipv4, ipv6, os, vcpus, memory_mb, disk_gb, region, plan, owner_id, upstream_created_at, extra)
     select a.id, 'up-' || i, substr(md5(i::text), 1, 6) || '-web-' || i, 'host' || i || '.example.com',
       (array['running','stopped','installing','suspended','error'])[1 + i % 5], 'raw',
       jsonb_build_array('10.' || (i / 65536) % 256 || '.' || (i / 256) % 256 || '.' || i % 256),
       jsonb_build_array('2001:db8::' || to_hex(i)), 'Ubuntu 24.04', 1 + i % 8, 1024 * (1 + i % 8), 20 * (1 + i % 8),
       'region-' || i % 7, 'plan-' || i % 9, case when i % ${SCALE.servers / SCALE.customerServers} = 0 then $1::uuid end,
       now() - i * interval '1 hour', jsonb_build_object('id', i, 'raw', repeat('x', 900))
     from generate_series(1, ${SCALE.servers}) i
     join (select id, row_number() over (order by slug) as n from provider_accounts where slug like 'scale-%') a on a.n = 1 + i % ${SCALE.accounts}
     on conflict do nothing`, [customer.id])
  await query(
    `insert into zone_assignments (account_id, domain, owner_id)
     select (select id from provider_accounts where slug = 'scale-3'), 'zone-' || i || '.example.com', $1::uuid
     from generate_series(1, ${SCALE.zones}) i on conflict do nothing`, [customer.id])
  // Vacuumed and analyzed now, so autovacuum does not land in the middle of a measurement.
  await query('vacuum analyze servers')
  await query('analyze')
  return { customerId: customer.id, accountSlugs: Array.from({ length: SCALE.accounts }, (_, i) => `scale-${i + 1}`) }
}
