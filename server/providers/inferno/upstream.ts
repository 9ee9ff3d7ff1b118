/**
 * Inferno's answers as the adapter and mappers read them (cp.inferno.name api_client.php): every
 * value is a string ("5.00", "47200"), and lists arrive as objects keyed by id.
 */

export interface OrderEntry { id: string, ordernum?: string, amount?: string, invoiceid?: string, status?: string }
export interface VpsInfo { result?: string, message?: string, main_id?: string, vps_name?: string, ip?: string, real_state?: string, vps_password?: string }
export interface GetInfo { orderid?: number | string, orderStatus?: string, productStatus?: string, dedicatedip?: string, vps_info?: VpsInfo }
export interface ProductEntry { pid?: string | number, name?: string, price?: string, billingcycle?: string, cpu?: string, cores?: string, ram?: string, memory?: string, disk?: string, hdd?: string, ssd?: string }
export interface SshKeyEntry { id?: string | number, name?: string, sshkey?: string, key?: string, public_key?: string, fingerprint?: string }
export interface ServiceEntry { id?: string, orderid?: string, pid?: string, name?: string, domain?: string, dedicatedip?: string, status?: string, regdate?: string, nextduedate?: string, amount?: string, billingcycle?: string, [k: string]: unknown }
