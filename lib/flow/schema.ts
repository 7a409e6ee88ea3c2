/**
 * The zod schema of the flow data (lib/flow/flow.ts). Only tests and the background load it: content
 * scripts take the data as typed, already validated at build and test time, so zod stays out of
 * their bundles.
 */
import { z } from 'zod';
import { LABELS, type LabelId } from './labels';
import { CONTENT_PORTALS, PAGE_KINDS } from './pages';
import { PREPARATION_IDS, ROLES, STEP_IDS, VARIANT_IDS } from './ids';

const LabelIdSchema = z.enum(Object.keys(LABELS) as [LabelId, ...LabelId[]]);
const PageKindSchema = z.enum(PAGE_KINDS);
const RoleSchema = z.enum(ROLES);
const Css = z.string().min(1);
/** The portal whose hosts a link must lead to (lib/flow/hosts.ts). */
const LinkPortalSchema = z.enum(['partner-center', 'admin-center']);
/**
 * A label that ranks a locator's matches (those it names first), never one they need: the page
 * may call the control otherwise, in any language.
 */
const Prefer = LabelIdSchema.optional();
/**
 * The tag names of the shadow hosts around the element, outermost first: only an element inside
 * exactly these hosts matches (`[]`: in the document itself). Never positions, only names.
 */
const Hosts = z.array(z.string().regex(/^[a-z][a-z0-9.-]*$/)).max(16).optional();

/**
 * Ways to find a click target, tried in order: hooks that don't depend on the language first.
 * Each is data that lib/content/dom/compile.ts interprets (test/unit/content/locators.test.ts, one
 * test per kind); the start-up code takes only `css` and `href` (lib/background/boot-plan.ts).
 */
export const LocatorSchema = z.discriminatedUnion('by', [
  /** A CSS selector on a stable hook (id, attribute, custom element name). */
  z.object({ by: z.literal('css'), selector: Css, hosts: Hosts }).strict(),
  /**
   * An element of this role whose accessible name reads as `name` (any case, spacing and
   * punctuation aside): the form a locator taught by the agent or set by IT takes where the page's
   * words are not one of the flow's labels.
   */
  z.object({ by: z.literal('name'), role: RoleSchema, name: z.string().trim().min(1).max(160), hosts: Hosts }).strict(),
  /**
   * A link to `https:` on the portal's hosts whose path, query and hash (`/dashboard/v2/...`,
   * `/AdminPortal/Home#/support`) match this regular expression (case-insensitive; anchored with `^`).
   */
  z.object({ by: z.literal('href'), portal: LinkPortalSchema, pattern: z.string().min(2).startsWith('^') }).strict(),
  /** An element of one of these roles whose accessible name is one of the label's spellings. */
  z.object({ by: z.literal('label'), label: LabelIdSchema, roles: z.array(RoleSchema).min(1) }).strict(),
  /**
   * A delegated admin-center link for a customer (lib/flow/tenant.ts: `BeginClientSession.aspx?CTID=`,
   * `?delegatedOrg=`, `?tenantId=` on the admin-center hosts), whose `CSDEST`, if it names one, is
   * one of `destinations` (lower case; the admin center's own, not another workload's admin center).
   */
  z.object({
    by: z.literal('delegated-link'),
    destinations: z.array(z.string().regex(/^[a-z0-9]+$/)).min(1).optional(),
    prefer: Prefer,
  }).strict(),
  /**
   * The first choice group (a select, radio group, listbox, combobox, radios in a fieldset) of a
   * form: an element matching `form` that holds an element matching `has` (the request form's
   * description), across shadow roots.
   */
  z.object({ by: z.literal('form-choice'), form: Css, has: Css, prefer: Prefer }).strict(),
  /**
   * An element matching `selector` in the view a heading names: the nearest region around a
   * level-1 or level-2 heading reading as `heading` that holds such an element (the service
   * requests view's menu button, `[aria-haspopup="menu"]`).
   */
  z.object({ by: z.literal('in-view'), heading: LabelIdSchema, selector: Css, prefer: Prefer }).strict(),
]);
export type Locator = z.infer<typeof LocatorSchema>;

const MessageKey = z.string().regex(/^[a-z][\w.]*$/);

const ClickSchema = z
  .object({
    /** How the page names this click (shown to the agent as the page shows it). */
    label: LabelIdSchema,
    locators: z.array(LocatorSchema).min(1),
    /**
     * Only a click inside an element matching this selector (within the target) counts, e.g. a
     * customer's name in the customer grid rather than its search box.
     */
    clickWithin: z.string().min(1).optional(),
    /**
     * The click picks the customer (any customer may be the right one): the guide reads who it
     * picked from the click, the card asks the agent to pick the customer who needs support, and
     * the flow records the customer. `list`: the click is on the customer list (the card asks for
     * the customer's name); `row`: on a control in the customer's row (the card names the control
     * and asks for the row of the customer who needs support).
     */
    picksCustomer: z.enum(['list', 'row']).optional(),
    /**
     * Where the target appears: a selector of the regions holding it (a navigation bar). While the
     * page churns and the target is missing, only these regions are watched for it, so the page
     * does not pay for a document-wide watch (lib/content/dom/locator.ts, TargetTracker); the agent's input
     * and a region's removal widen the watch again. Left out when the target can be anywhere.
     * test/e2e/conventions.test.ts checks the replicas' targets are inside their regions.
     */
    regions: z.string().min(1).optional(),
    /** Where to look when the target is not found (a text key), instead of the step's `where`. */
    where: MessageKey.optional(),
    /**
     * When the target is not found, the fallback card also offers the way back to the customer in
     * Partner Center (its Service management page): the click may be missing from this UI.
     */
    wayBack: z.literal(true).optional(),
  })
  .strict();
export type Click = z.infer<typeof ClickSchema>;

const VariantSchema = z
  .object({
    id: z.enum(VARIANT_IDS),
    /** Pages where this variant's target is found. */
    pages: z.array(PageKindSchema).min(1).optional(),
    /** Portal-wide: the target may be on any page of this portal (navigation menus). */
    portal: z.enum(CONTENT_PORTALS).optional(),
    /** One click, or several in turn (2021+: Contact Support, then New Microsoft service request). */
    clicks: z.array(ClickSchema).min(1),
  })
  .strict()
  .refine((v) => v.pages || v.portal, { message: 'a variant names its pages or its portal' });

const StepSchema = z
  .object({
    id: z.enum(STEP_IDS),
    /** What the page calls the click (the checklist names the step by it). */
    label: LabelIdSchema,
    /** Extension UI text keys (assets/locales): the card's "why", the fallback's "where to look". */
    why: MessageKey,
    where: MessageKey,
    variants: z.array(VariantSchema),
    completion: z
      .object({
        /** Arriving at one of these pages completes the step. */
        pages: z.array(PageKindSchema),
        /** The last click of a variant completes the step. */
        click: z.boolean(),
        /** A delegated admin-center link for the customer opening in the flow completes it. */
        delegatedLink: z.boolean().optional(),
      })
      .strict(),
    /**
     * When the step's target is not on the page, the likely cause is this preparation item not
     * met (Microsoft 365 missing on the customer's Service management page: no admin relationship
     * with the role that files requests): the fallback card and the side panel say so and link to
     * the item's page.
     */
    likelyCause: z.enum(PREPARATION_IDS).optional(),
    /** Replica pages where this step's target can be seen (the "Test URLs" of the step). */
    testUrls: z.array(z.url()),
  })
  .strict();
export type Step = z.infer<typeof StepSchema>;

const PreparationSchema = z
  .object({
    id: z.enum(PREPARATION_IDS),
    /** Visiting one of these pages during the flow completes the item. */
    completedByPages: z.array(PageKindSchema),
    /**
     * The item is about the selected customer: only that customer's pages complete it, and
     * selecting another customer makes it to do again.
     */
    perCustomer: z.literal(true).optional(),
    /** The page the checklist links the item to (lib/flow/urls.ts): the selected customer's Admin relationships. */
    link: z.enum(['admin-relationships']).optional(),
  })
  .strict();

export const FlowSchema = z
  .object({
    preparation: z.array(PreparationSchema).length(PREPARATION_IDS.length),
    steps: z.array(StepSchema).length(STEP_IDS.length),
  })
  .strict()
  .refine((f) => f.steps.every((s, i) => s.id === STEP_IDS[i]), { message: 'steps are in the order of STEP_IDS' })
  .refine((f) => f.preparation.every((p, i) => p.id === PREPARATION_IDS[i]), { message: 'preparation items in order' });
export type Flow = z.infer<typeof FlowSchema>;

export type FlowInput = z.input<typeof FlowSchema>;

const StepIdSchema = z.enum(STEP_IDS);

/**
 * An IT department's locator (managed policy `locatorOverrides`, assets/managed-schema.json): for
 * a step's click on a portal, on these pages (absent: any page of the portal), tried before the
 * agent's taught locators and the built-in ones.
 */
export const LocatorOverrideSchema = z
  .object({
    step: StepIdSchema,
    click: z.number().int().min(0).max(5).default(0),
    portal: z.enum(CONTENT_PORTALS),
    pages: z.array(PageKindSchema).min(1).optional(),
    locator: LocatorSchema,
  })
  .strict();

/** A locator the agent taught on a page (local storage: portal labels and hooks, never customer data). */
export const LearnedLocatorSchema = z
  .object({
    id: z.string().min(1).max(64),
    step: StepIdSchema,
    click: z.number().int().min(0).max(5),
    portal: z.enum(CONTENT_PORTALS),
    /** The page kind where it was taught (null: a page of the portal no detector names). */
    page: PageKindSchema.nullable(),
    locator: LocatorSchema,
    /** When (ms since the epoch). */
    learnedAt: z.number().int().nonnegative(),
  })
  .strict();
export type LearnedLocator = z.infer<typeof LearnedLocatorSchema>;
