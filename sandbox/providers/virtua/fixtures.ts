/**
 * Seed fixture for the Virtua.cloud simulator. Shapes and values follow the API reference
 * (seed doc): numbers and flags travel as strings ("2", "0"/"1"), timestamps as
 * "YYYY-MM-DD HH:MM:SS" in the account's timezone (the simulator writes new ones in UTC).
 */

export interface CloudZone {
  country_code: string
  country_name: string
  city_name: string
  datacenter_name: string
  timezone: string
}

export interface Offer {
  uuid: string
  category: string
  name: string
  price_month: string
  price_hour: string
  additional_root_space_price_month: string
  additional_root_space_price_hour: string
  vcpus: string
  cpu_family: string
  memory_size: string
  root_space: string
  root_disk_type: string
  bandwidth: string
  is_windows_included: string
  additional_ipv4_addresses_max: string
  additional_ipv4_addresses_price_hour: string
  additional_ipv4_addresses_price_month: string
  cloud_zone: CloudZone
}

export interface System {
  uuid: string
  name: string
  distribution: string
  version: string
  category: string
  is_windows: string
}

export interface Project {
  uuid: string
  name: string
  description: string
  environment: string | null
  created_at: string
}

/** What the simulator keeps per server; the wire record is derived from it on each read. */
export interface ServerSeed {
  uuid: string
  name: string
  label: string | null
  hostname: string | null
  zone: string
  project: string
  offer: { uuid: string, category: string, name: string, price_month: string, price_hour: string }
  system: { uuid: string, name: string }
  vcpus: string
  memory_size: string
  root_space: string
  root_disk_type: string
  status: 'running' | 'stopped'
  is_suspended: string
  suspension_reason: string | null
  is_ipv6_enabled: string
  start_time: string
  is_setup_at: string | null
  monthly_usage: string
  keyboard: string
  root_password: string
  /** Seconds of uptime at reset, for running servers. */
  uptime_at_reset: number
}

export const ZONES: Record<string, CloudZone> = {
  par01fr: { country_code: 'FR', country_name: 'France', city_name: 'Paris', datacenter_name: 'Iliad DC2', timezone: 'Europe/Paris' },
  fra01de: { country_code: 'DE', country_name: 'Germany', city_name: 'Frankfurt', datacenter_name: 'Equinix FR5', timezone: 'Europe/Berlin' },
}

export const ACCOUNT = {
  balance: '93.6425',
  currency: 'EUR',
  monthly_cloud_usage: '6.4590',
  monthly_cloud_usage_estimate: '37.5633',
  timezone: 'Europe/Paris',
  today_cloud_usage: '1.0714',
  cloud_servers_limit: '8',
}

export const LIMITS = { cloud_servers: '8', smtp_enabled: '1' }

export const OFFERS: Offer[] = [
  {
    uuid: 'vcs-2-intel.par01fr', category: 'vcs', name: 'vCS-2', price_month: '12.00', price_hour: '0.0167',
    additional_root_space_price_month: '1.80', additional_root_space_price_hour: '0.00000070',
    vcpus: '1', cpu_family: 'intel-xeon', memory_size: '2048', root_space: '40', root_disk_type: 'ssd', bandwidth: '100',
    is_windows_included: '0', additional_ipv4_addresses_max: '4', additional_ipv4_addresses_price_hour: '0.00347000',
    additional_ipv4_addresses_price_month: '2.50', cloud_zone: ZONES.par01fr!,
  },
  {
    uuid: 'vcs-4-intel.par01fr', category: 'vcs', name: 'vCS-4', price_month: '24.00', price_hour: '0.0333',
    additional_root_space_price_month: '1.80', additional_root_space_price_hour: '0.00000070',
    vcpus: '2', cpu_family: 'intel-xeon', memory_size: '4096', root_space: '80', root_disk_type: 'ssd', bandwidth: '200',
    is_windows_included: '0', additional_ipv4_addresses_max: '4', additional_ipv4_addresses_price_hour: '0.00347000',
    additional_ipv4_addresses_price_month: '2.50', cloud_zone: ZONES.par01fr!,
  },
  {
    uuid: 'vcs-2-win-ryzen.fra01de', category: 'vcs-win', name: 'vCS-2-WIN', price_month: '21.00', price_hour: '0.0292',
    additional_root_space_price_month: '1.80', additional_root_space_price_hour: '0.00000070',
    vcpus: '2', cpu_family: 'amd-ryzen', memory_size: '4096', root_space: '60', root_disk_type: 'nvme', bandwidth: '200',
    is_windows_included: '1', additional_ipv4_addresses_max: '2', additional_ipv4_addresses_price_hour: '0.00347000',
    additional_ipv4_addresses_price_month: '2.50', cloud_zone: ZONES.fra01de!,
  },
]

export const SYSTEMS: System[] = [
  { uuid: 'debian-10-64', name: 'Debian 10 (64 bits)', distribution: 'debian', version: '10', category: 'minimal', is_windows: '0' },
  { uuid: 'centos-7-64', name: 'Centos 7 (64 bits)', distribution: 'centos', version: '7', category: 'minimal', is_windows: '0' },
  { uuid: 'archlinux-latest-64', name: 'ArchLinux Latest (64 bits)', distribution: 'archlinux', version: '0', category: 'minimal', is_windows: '0' },
  { uuid: 'win2k19-std-fr-64', name: 'Windows Server 2019 Standard (64 bits)', distribution: 'windows-server-2019', version: '2019', category: 'windows', is_windows: '1' },
  { uuid: 'win2k19-std-en-64', name: 'Windows Server 2019 Standard (64 bits)', distribution: 'windows-server-2019', version: '2019', category: 'windows', is_windows: '1' },
]

export const PROJECTS: Project[] = [
  { uuid: '6f1c2b1e-3a4d-4f5e-9a7b-1c2d3e4f5a6b', name: 'Default project', description: 'Created with the account', environment: null, created_at: '2020-01-15T09:12:44Z' },
]

const DEFAULT_PROJECT = PROJECTS[0]!.uuid

export const SERVERS: ServerSeed[] = [
  {
    // The server of the API reference example, as is.
    uuid: '4768103d-7e0b-46c8-8f65-360bcd7b3322', name: 'vs4023.par01fr.vsys.cloud', label: null, hostname: null,
    zone: 'par01fr', project: DEFAULT_PROJECT,
    offer: { uuid: 'vcs-2-win-ryzen', category: 'vcs-win', name: 'vCS-2-WIN', price_month: '12.00', price_hour: '0.0164' },
    system: { uuid: 'win2k19-std-fr-64', name: 'Windows Server 2019 Standard (64 bits)' },
    vcpus: '2', memory_size: '4096', root_space: '40', root_disk_type: 'nvme', status: 'running',
    is_suspended: '0', suspension_reason: null, is_ipv6_enabled: '1',
    start_time: '2020-02-10 13:53:53', is_setup_at: '2020-02-10 13:53:53', monthly_usage: '0.134243111111080000000000000000',
    keyboard: 'fr', root_password: 'Wq7!pLr2xVb9', uptime_at_reset: 14624,
  },
  {
    uuid: '9c2e7a51-0b3f-4d8e-a6c1-5f4b3a2e1d07', name: 'vs4188.par01fr.vsys.cloud', label: 'web-01', hostname: 'web-01.example.com',
    zone: 'par01fr', project: DEFAULT_PROJECT,
    offer: { uuid: 'vcs-2-intel.par01fr', category: 'vcs', name: 'vCS-2', price_month: '12.00', price_hour: '0.0167' },
    system: { uuid: 'debian-10-64', name: 'Debian 10 (64 bits)' },
    vcpus: '1', memory_size: '2048', root_space: '40', root_disk_type: 'ssd', status: 'stopped',
    is_suspended: '0', suspension_reason: null, is_ipv6_enabled: '0',
    start_time: '2021-03-02 08:30:11', is_setup_at: '2021-03-02 08:34:40', monthly_usage: '2.1043',
    keyboard: 'us', root_password: 'hT4mZ8qNc3sK', uptime_at_reset: 0,
  },
  {
    uuid: 'd41f6b83-72ac-4e19-b5d0-8a9c0e3f2b64', name: 'vs5102.fra01de.vsys.cloud', label: 'legacy-win', hostname: 'legacy.example.org',
    zone: 'fra01de', project: DEFAULT_PROJECT,
    offer: { uuid: 'vcs-2-win-ryzen.fra01de', category: 'vcs-win', name: 'vCS-2-WIN', price_month: '21.00', price_hour: '0.0292' },
    system: { uuid: 'win2k19-std-en-64', name: 'Windows Server 2019 Standard (64 bits)' },
    vcpus: '2', memory_size: '4096', root_space: '60', root_disk_type: 'nvme', status: 'stopped',
    is_suspended: '1', suspension_reason: 'Negative balance', is_ipv6_enabled: '1',
    start_time: '2021-06-20 17:02:09', is_setup_at: '2021-06-20 17:09:51', monthly_usage: '4.2203',
    keyboard: 'en', root_password: 'Jd2#vB6nRt8e', uptime_at_reset: 0,
  },
]
