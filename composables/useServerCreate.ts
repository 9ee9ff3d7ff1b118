/**
 * The create wizard's state: account → plan → region → OS → access → review → create →
 * provisioning. The page (pages/servers/new.vue) makes it and provides it; each step component
 * (components/servers/ServerCreateStep*.vue) injects it.
 *
 * One Idempotency-Key is made when the wizard opens and reused for every attempt at the same
 * request, so a double click or a retry after a lost answer cannot buy a second server. What a
 * provider accepts comes from its facts (create fields, password rule, region), never its name.
 */
import type { InjectionKey } from 'vue'
import { useProvidersStore, type ProviderAccount } from '~/stores/providers'
import type { Customer, Datacenter, Plan, ServerView, SshKeyInput, Template } from '~/stores/servers'

/** The wizard's steps in order (titles: `server.wizard.steps.<step>`). */
export const STEPS = ['account', 'plan', 'region', 'system', 'access', 'review', 'provisioning'] as const

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i

export function useServerCreate() {
  const route = useRoute()
  const providers = useProvidersStore()
  const store = useServersStore()
  const toasts = useToastsStore()
  const { t } = useI18n()
  const { price, dcLabel, regionLabel } = useServerWords()
  const step = ref(1)

  // ---------- 1. account ----------
  onMounted(async () => {
    await providers.load()
    const wanted = typeof route.query.account === 'string' ? route.query.account : null
    if (wanted && creatable.value.some(a => a.slug === wanted)) chooseAccount(wanted)
  })
  const creatable = computed(() => providers.accounts.filter(a => a.capabilities?.create?.supported))
  const others = computed(() => providers.accounts.filter(a => !a.capabilities?.create?.supported))
  const accountSlug = ref<string | null>(null)
  const account = computed<ProviderAccount | undefined>(() => providers.accounts.find(a => a.slug === accountSlug.value))
  const facts = useProviderFacts(() => account.value?.type)
  const fields = computed(() => createFields(facts.value))

  function chooseAccount(slug: string) {
    if (slug === accountSlug.value) return
    accountSlug.value = slug
    Object.assign(form, { plan: null, datacenter: null, template: null, password: '', sshKeys: [] })
    plans.value = []
    datacenters.value = []
    templates.value = []
  }

  // ---------- catalogue (plans, data centers, templates), each loaded when its step opens ----------
  const plans = ref<Plan[]>([])
  const datacenters = ref<Datacenter[]>([])
  /** The provider answered that it has no data-center list (501), though its facts did not say so. */
  const noListAnswer = ref(false)
  /** No region to choose: the plan (the provider's product) fixes the place. Its facts say so; nothing is asked. */
  const noDatacenters = computed(() => !!facts.value?.region.from_plan || noListAnswer.value)
  const templates = ref<Template[]>([])
  const loading = ref(false)
  const catalogError = ref('')

  const form = reactive({
    plan: null as string | null,
    datacenter: null as string | null,
    template: null as string | null,
    hostname: '',
    password: '',
    sshKeys: [] as SshKeyInput[],
    /** 'me' (the API's default: whoever creates it), null (unassigned) or a customer's id. */
    owner: 'me' as string | null,
  })
  const keysValid = ref(true)
  const plan = computed(() => plans.value.find(p => p.id === form.plan))
  const datacenter = computed(() => datacenters.value.find(d => d.id === form.datacenter))
  const template = computed(() => templates.value.find(t => t.id === form.template))

  async function fetchStep(n: number) {
    if (!accountSlug.value) return
    const slug = accountSlug.value
    catalogError.value = ''
    loading.value = true
    try {
      if (n === 2 && !plans.value.length) plans.value = await store.plans(slug)
      if (n === 3 && !datacenters.value.length && !noDatacenters.value) {
        try { datacenters.value = await store.datacenters(slug) }
        catch (e) {
          if (errorStatus(e) !== 501) throw e
          noListAnswer.value = true
        }
        fitDatacenter()
      }
      if (n === 4) templates.value = await store.templates(slug, form.plan ?? undefined)
    }
    catch (e) { catalogError.value = errorMessage(e) }
    finally { loading.value = false }
  }
  watch(step, n => fetchStep(n))
  watch(accountSlug, () => { noListAnswer.value = false })

  /** Where the plan fixes the place (an offer that lives in one zone), only that place is offered. */
  const fixedRegion = computed(() => plan.value?.region ?? null)
  const datacenterChoices = computed(() => {
    const r = fixedRegion.value
    if (!r) return datacenters.value
    const same = datacenters.value.filter(d => d.id === r || d.name === r)
    return same.length ? same : datacenters.value
  })
  function fitDatacenter() {
    if (datacenterChoices.value.length === 1) form.datacenter = datacenterChoices.value[0]!.id
    else if (form.datacenter && !datacenterChoices.value.some(d => d.id === form.datacenter)) form.datacenter = null
  }
  watch(() => form.plan, () => { form.template = null; templates.value = []; fitDatacenter() })

  // ---------- 5. access ----------
  const hostnameError = computed(() => form.hostname && !HOSTNAME.test(form.hostname) ? t('server.wizard.hostnameError') : '')
  const { providerText } = useProviderText()
  const passwordError = computed(() => {
    const rule = facts.value?.password_rule
    return (problem => problem ? providerText(problem, rule?.message_key) ?? problem : null)(passwordProblem(rule, form.password))
  })
  const customers = ref<Customer[]>([])
  onMounted(async () => {
    try { customers.value = await store.customers() }
    catch { /* Then the server is simply yours; assign it later on its page. */ }
  })
  const ownerItems = computed(() => [
    { value: 'me' as string | null, title: t('server.me') },
    { value: null as string | null, title: t('server.unassigned') },
    ...customers.value.map(c => ({ value: c.id as string | null, title: `${c.name} (${c.email})` })),
  ])
  const ownerLabel = computed(() => ownerItems.value.find(o => o.value === form.owner)?.title ?? '')

  /** Where the provider sets the server up at purchase, it needs a way in (a password or a key). */
  const needsCredential = computed(() => !!fields.value.needs_credential && !form.password && !form.sshKeys.length)

  const canNext = computed(() => {
    switch (step.value) {
      case 1: return !!account.value
      case 2: return !!form.plan
      case 3: return !!form.datacenter || !!noDatacenters.value || (!!facts.value?.region.optional && !loading.value)
      case 4: return !!form.template
      case 5: return !!form.hostname && !hostnameError.value && !passwordError.value && keysValid.value && !needsCredential.value
      default: return false
    }
  })

  // ---------- 6. create (exactly once) ----------
  let idempotencyKey = newIdempotencyKey()
  let keyUsedFor: string | null = null
  let keyBurnt = false
  const submitting = ref(false)
  const createError = ref('')
  const created = ref<ServerView | null>(null)

  const body = computed(() => ({
    account: accountSlug.value!,
    plan: form.plan!,
    ...(form.datacenter ? { data_center_id: form.datacenter } : {}),
    template: form.template!,
    hostname: form.hostname,
    ...(fields.value.password && form.password ? { password: form.password } : {}),
    ...(fields.value.ssh_keys && form.sshKeys.length ? { ssh_keys: form.sshKeys } : {}),
    ...(form.owner !== 'me' ? { owner_id: form.owner } : {}),
  }))

  async function create() {
    if (submitting.value || created.value) return
    const request = JSON.stringify(body.value)
    // A request refused outright (4xx) bought nothing, so an edited one may use a fresh key. After
    // an unknown outcome the key stays, and the API refuses a changed body rather than buy twice.
    if (keyUsedFor && keyUsedFor !== request && keyBurnt) idempotencyKey = newIdempotencyKey()
    keyUsedFor = request
    keyBurnt = false
    submitting.value = true
    createError.value = ''
    try {
      const res = await store.create(idempotencyKey, body.value)
      step.value = 7
      if (res.intent.state === 'failed') { provisionError.value = t('server.wizard.notCreated'); return }
      if (!res.server) { settleLost(); return }
      created.value = res.server
      record(res.server)
      poll()
    }
    catch (e) {
      const status = errorStatus(e)
      keyBurnt = !!status && status >= 400 && status < 500 && status !== 409 && status !== 408 && status !== 429
      createError.value = errorMessage(e)
    }
    finally { submitting.value = false }
  }

  // ---------- 7. provisioning ----------
  const seen = ref<{ status: string, raw: string | null, at: Date }[]>([])
  const provisionError = ref('')
  let timer: ReturnType<typeof setTimeout> | undefined
  let alive = true
  onBeforeUnmount(() => { alive = false; clearTimeout(timer) })

  function record(s: ServerView) {
    const last = seen.value.at(-1)
    const label = s.needs_install && s.status !== 'pending' ? 'installing' : s.status
    if (!last || last.status !== label || last.raw !== s.raw_status) seen.value.push({ status: label, raw: s.raw_status, at: new Date() })
  }
  /**
   * The provider's answer was lost: the API looks the server up (never buys again). Asking again
   * with the same key and body is safe and returns the server once it is found.
   */
  const lost = ref(false)
  function settleLost() {
    lost.value = true
    clearTimeout(timer)
    timer = setTimeout(async () => {
      if (!alive) return
      try {
        const res = await store.create(idempotencyKey, body.value)
        if (res.intent.state === 'failed') { lost.value = false; provisionError.value = t('server.wizard.nothingBought'); return }
        if (res.intent.state === 'needs_review') {
          lost.value = false
          provisionError.value = t('server.wizard.needsReview')
          return
        }
        if (res.server) {
          lost.value = false
          created.value = res.server
          record(res.server)
          poll()
          return
        }
      }
      catch (e) { provisionError.value = errorMessage(e) }
      settleLost()
    }, 3000)
  }

  const done = computed(() => created.value?.status === 'running' && !created.value.needs_install)
  const failed = computed(() => created.value?.status === 'error')

  async function poll() {
    clearTimeout(timer)
    if (!alive || !created.value || done.value || failed.value) return
    timer = setTimeout(async () => {
      try {
        created.value = await store.get(created.value!.id, true)
        record(created.value)
        provisionError.value = ''
      }
      catch (e) { provisionError.value = errorMessage(e) }
      if (done.value) toasts.success(t('server.toast.running', { name: created.value!.name }))
      poll()
    }, Date.now() - (seen.value[0]?.at.getTime() ?? Date.now()) < 180_000 ? 2000 : 15_000)
  }

  const review = computed(() => [
    { label: t('server.field.account'), value: account.value ? `${account.value.display_name} (${account.value.provider_display_name})` : '' },
    { label: t('server.field.plan'), value: plan.value ? [plan.value.name, price(plan.value)].filter(Boolean).join(' — ') : '' },
    {
      label: regionLabel(facts.value),
      value: datacenter.value ? dcLabel(datacenter.value) : t(noDatacenters.value ? 'server.wizard.setByPlan' : 'server.wizard.accountDefault'),
    },
    { label: t('server.field.system'), value: template.value?.name ?? '' },
    { label: t('server.field.hostname'), value: form.hostname },
    ...(fields.value.password ? [{ label: t('server.field.rootPassword'), value: t(form.password ? 'server.wizard.passwordSet' : 'server.wizard.passwordByProvider') }] : []),
    ...(fields.value.ssh_keys ? [{ label: t('server.field.sshKeys'), value: form.sshKeys.map(k => k.name).join(', ') || t('server.wizard.none') }] : []),
    { label: t('server.field.owner'), value: ownerLabel.value },
  ])

  return reactive({
    providers, step, creatable, others, accountSlug, account, facts, fields, chooseAccount,
    plans, datacenters, noDatacenters, templates, loading, catalogError, form, keysValid, plan, datacenter, template,
    fixedRegion, datacenterChoices, hostnameError, passwordError, ownerItems, needsCredential, canNext,
    submitting, createError, created, create, seen, provisionError, lost, done, failed, review,
  })
}

export type ServerCreateWizard = ReturnType<typeof useServerCreate>
export const SERVER_CREATE: InjectionKey<ServerCreateWizard> = Symbol('server-create')

/** The wizard of the page around a step component. */
export function useServerCreateWizard(): ServerCreateWizard {
  const w = inject(SERVER_CREATE)
  if (!w) throw new Error('A create step is used outside pages/servers/new.vue')
  return w
}
