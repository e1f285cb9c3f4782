/* scmp-compiler.c: rules → decision IR → classic-BPF program
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The pipeline, per architecture:
 *
 *  1. resolve every rule's syscall name to this ABI's number; rules naming
 *     a multiplexed call (socket, shmat, …) also become clauses of the
 *     socketcall/ipc number, guarded by a test of the sub-call in args[0];
 *  2. per syscall number, an ordered list of clauses (conditions → action),
 *     normalised: clauses whose arguments BPF cannot see (behind the
 *     multiplexer's pointer) are expanded so that the outcome is the most
 *     restrictive one the rules could give; everything after an
 *     unconditional clause and trailing clauses that give the default
 *     action are dropped;
 *  3. each list becomes a DAG of 32-bit word tests, hash-consed, so that
 *     identical rule bodies — within one ABI or across ABIs — are one body;
 *  4. a search tree over ranges of syscall numbers covering the whole
 *     32-bit space (x32 numbers, unknown numbers and -1 included) leads to
 *     the bodies — optimal for the expected number of tests, and with
 *     x86_64 and x32 both present, one tree per side of a JSET on the x32
 *     bit; unconditional outcomes are plain RETs reached only through
 *     loads of nr and arch, so the kernel's action cache sees them;
 *  5. the DAG is laid out in topological order (all jumps forward), loads
 *     that the accumulator already holds are dropped, and conditional jumps
 *     farther than 255 get a trampoline (or a copy of the RET they reach).
 */

#include "config.h"

#include "scmp-compiler-private.h"

#include "scmp-arch-private.h"
#include "scmp-bpf-private.h"
#include "scmp-condition-private.h"
#include "scmp-error.h"
#include "scmp-error-private.h"
#include "scmp-rule-private.h"

#include <linux/seccomp.h>
#include <string.h>

#define WORD_ALL   0xffffffffu
#define X32_BIT    0x40000000u
#define NR_SKIP    0xffffffffu   /* nr == -1: a tracer skipped the call */

/* Kernel precedence: the smaller the signed action part, the more
 * restrictive. On a tie the earlier candidate is kept. */
static inline gint32
action_rank (guint32 ret)
{
  return (gint32) (ret & SECCOMP_RET_ACTION_FULL);
}

static inline guint32
most_restrictive (guint32 earlier,
                  guint32 later)
{
  return action_rank (later) < action_rank (earlier) ? later : earlier;
}

/* ------------------------------------------------------------------ */
/* Arguments as the kernel reads them                                  */
/* ------------------------------------------------------------------ */

/* A condition as the kernel's entry point reads the argument on one ABI
 * (see _scmp_syscall_arg_type()): its low @bits bits, signed or not, with
 * datum and mask cut to them, so that bits the kernel ignores can never
 * change a verdict. */
typedef struct {
  guint8        arg;
  guint8        bits;         /* 8, 16, 32 or 64 */
  guint8        is_signed;
  ScmpCompareOp op;
  guint64       datum;
  guint64       mask;         /* (MASKED_EQ) */
} ArgCond;

static inline guint64
bits_mask (guint bits)
{
  return bits >= 64 ? G_MAXUINT64 : (G_GUINT64_CONSTANT (1) << bits) - 1;
}

/* A datum or mask may be given as a @bits-bit number zero- or
 * sign-extended to 64 bits ((guint64) AT_FDCWD for an int, say). */
static inline gboolean
value_fits (guint64 value,
            guint   bits)
{
  if (bits >= 64)
    return TRUE;
  return (value >> bits) == 0 || (value >> (bits - 1)) == (G_MAXUINT64 >> (bits - 1));
}

/* The type a condition compares: the kernel's, and at most 32 unsigned
 * bits for a condition made with scmp_condition_new_32(). */
static ScmpArgType
condition_type (const ScmpCondition *c,
                int                  name_index,
                ScmpArchitecture     arch)
{
  ScmpArgType t = _scmp_syscall_arg_type (name_index, arch, c->arg);

  if (c->is_32bit && t.bits > 32)
    {
      t.bits = 32;
      t.is_signed = FALSE;
    }
  return t;
}

static void
arg_cond_init (ArgCond             *out,
               const ScmpCondition *c,
               ScmpArgType          t)
{
  guint64 m = bits_mask (t.bits);

  out->arg = (guint8) c->arg;
  out->bits = t.bits;
  out->is_signed = t.is_signed;
  out->op = c->op;
  out->datum = c->datum & m;
  out->mask = c->op == SCMP_COMPARE_OP_MASKED_EQ ? c->mask & m : 0;
}

static inline gboolean
arg_cond_equal (const ArgCond *a,
                const ArgCond *b)
{
  return a->arg == b->arg && a->bits == b->bits && a->is_signed == b->is_signed &&
         a->op == b->op && a->datum == b->datum && a->mask == b->mask;
}

/* The values of an argument (as @bits-bit patterns) that an ordering
 * accepts: none, all, the interval [lo, hi], or all but [lo, hi]. */
typedef enum { SET_NONE, SET_ALL, SET_IN, SET_OUT } SetKind;

typedef struct {
  SetKind kind;
  guint64 lo, hi;
} ValueSet;

static ValueSet
ordering_set (const ArgCond *c)
{
  guint64 max = bits_mask (c->bits);
  /* Flipping the sign bit turns the signed order into the unsigned one. */
  guint64 flip = c->is_signed ? G_GUINT64_CONSTANT (1) << (c->bits - 1) : 0;
  guint64 d = c->datum ^ flip, lo = 0, hi = max;

  switch (c->op)
    {
    case SCMP_COMPARE_OP_LT:
      if (d == 0)
        return (ValueSet) { SET_NONE, 0, 0 };
      hi = d - 1;
      break;
    case SCMP_COMPARE_OP_LE:
      hi = d;
      break;
    case SCMP_COMPARE_OP_GT:
      if (d == max)
        return (ValueSet) { SET_NONE, 0, 0 };
      lo = d + 1;
      break;
    case SCMP_COMPARE_OP_GE:
      lo = d;
      break;
    default:
      g_assert_not_reached ();
    }
  if (lo == 0 && hi == max)
    return (ValueSet) { SET_ALL, 0, 0 };
  if (flip == 0 || hi < flip || lo >= flip)
    return (ValueSet) { SET_IN, lo ^ flip, hi ^ flip };
  /* [lo, hi] crosses zero: as bit patterns it wraps around. */
  return (ValueSet) { SET_OUT, (hi ^ flip) + 1, (lo ^ flip) - 1 };
}

/* ------------------------------------------------------------------ */
/* Checking rules                                                      */
/* ------------------------------------------------------------------ */

static const char *
op_symbol (ScmpCompareOp op)
{
  switch (op)
    {
    case SCMP_COMPARE_OP_EQ: return "==";
    case SCMP_COMPARE_OP_NE: return "!=";
    case SCMP_COMPARE_OP_LT: return "<";
    case SCMP_COMPARE_OP_LE: return "<=";
    case SCMP_COMPARE_OP_GT: return ">";
    case SCMP_COMPARE_OP_GE: return ">=";
    case SCMP_COMPARE_OP_MASKED_EQ: return "&";
    default: return NULL;
    }
}

gboolean
_scmp_compiler_check_rule (ScmpRule                *rule,
                           const ScmpArchitecture  *arches,
                           gsize                    n_arches,
                           GError                 **error)
{
  const char *name = scmp_rule_get_syscall (rule);
  guint n_conds = scmp_rule_get_n_conditions (rule);
  gboolean exact = scmp_rule_get_exact (rule);
  int idx;

  /* A rule built by property bag may lack its syscall or action. */
  if (name == NULL || *name == '\0' || scmp_rule_get_action (rule) == NULL)
    {
      g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT,
                   "The rule has no %s", name == NULL || *name == '\0' ? "syscall" : "action");
      return FALSE;
    }
  if (!scmp_action_validate (scmp_rule_get_action (rule), error))
    return FALSE;

  for (guint i = 0; i < n_conds; i++)
    {
      const ScmpCondition *c = scmp_rule_get_condition (rule, i);

      /* The constructors check this too, but the struct is public. */
      if (!_scmp_condition_check (c, error))
        {
          g_prefix_error (error, "The rule for “%s” is invalid. ", name);
          return FALSE;
        }
    }

  idx = _scmp_rule_get_syscall_index (rule);
  if (idx < 0)
    {
      _scmp_set_unknown_syscall_error (error, name);
      return FALSE;
    }

  for (gsize a = 0; a < n_arches; a++)
    {
      const ScmpArchInfo *info = _scmp_arch_get_info (arches[a]);
      gboolean direct = _scmp_syscall_number (idx, arches[a]) >= 0;
      guint sub;
      gboolean muxed = _scmp_syscall_mux (idx, arches[a], &sub) != SCMP_MULTIPLEXER_NONE;

      if (!direct && !muxed)
        {
          if (exact)
            {
              g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_SYSCALL,
                           "The syscall “%s” does not exist on %s, and the rule "
                           "for it is exact", name, info->name);
              return FALSE;
            }
          continue;
        }

      if (exact && muxed && n_conds > 0)
        {
          g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT,
                       "On %s, “%s” can also be called through %s(2), where its "
                       "arguments are behind a pointer that a filter cannot "
                       "read: an exact rule with conditions cannot be enforced there",
                       info->name, name,
                       _scmp_syscall_mux (idx, arches[a], &sub) == SCMP_MULTIPLEXER_IPC
                       ? "ipc" : "socketcall");
          return FALSE;
        }

      /* Conditions are compiled where the call is direct: there the
       * value must be one the argument can hold. */
      for (guint i = 0; i < n_conds && direct; i++)
        {
          const ScmpCondition *c = scmp_rule_get_condition (rule, i);
          ScmpArgType t = condition_type (c, idx, arches[a]);
          gboolean masked = c->op == SCMP_COMPARE_OP_MASKED_EQ;
          gboolean datum_ok = value_fits (c->datum, t.bits);

          if (!datum_ok || (masked && !value_fits (c->mask, t.bits)))
            {
              g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT,
                           "On %s, the kernel reads argument %u of “%s” as "
                           "%s %u-bit number, which cannot hold the %s "
                           "0x%" G_GINT64_MODIFIER "x",
                           info->name, c->arg, name,
                           t.is_signed ? "a signed" : "an unsigned", t.bits,
                           datum_ok ? "mask" : "value", datum_ok ? c->mask : c->datum);
              return FALSE;
            }
        }
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Clauses: the decision for one syscall number                        */
/* ------------------------------------------------------------------ */

typedef struct {
  const ArgCond *conds;         /* (array length=n_conds): in the ABI's store or the arena */
  guint    n_conds;
  guint32  action;              /* kernel return value */
  gint32   sub;                 /* for a multiplexed call: its sub-call, else -1 */
  gboolean maybe;               /* (with sub) has conditions BPF cannot see */
} Clause;

/* What one syscall number does: the first clause that holds decides. */
typedef struct {
  Clause *clauses;              /* in the arch's store, or in the arena */
  guint   n;
} Decision;

/* Storage that lives as long as the decisions: multiplexer expansion is
 * the only thing that makes new clauses and conditions, and it is rare. */
static gpointer
arena_take (GPtrArray *arena,
            gpointer   block)
{
  g_ptr_array_add (arena, block);
  return block;
}

static gboolean
conds_contain (const ArgCond *conds,
               guint          n,
               const ArgCond *c)
{
  for (guint i = 0; i < n; i++)
    if (arg_cond_equal (&conds[i], c))
      return TRUE;
  return FALSE;
}

/* Every condition of @a is one of @b: whenever @b holds, @a does. */
static gboolean
conds_subset (const Clause *a,
              const Clause *b)
{
  for (guint i = 0; i < a->n_conds; i++)
    if (!conds_contain (b->conds, b->n_conds, &a->conds[i]))
      return FALSE;
  return TRUE;
}

/* Two equality tests of the same word with different values can never
 * both hold: used to prune the clauses multiplexer expansion creates. */
static gboolean
conds_unsatisfiable (const ArgCond *conds,
                     guint          n)
{
  for (guint i = 0; i < n; i++)
    {
      const ArgCond *a = &conds[i];

      if (a->op != SCMP_COMPARE_OP_EQ)
        continue;
      for (guint j = i + 1; j < n; j++)
        {
          const ArgCond *b = &conds[j];

          if (b->op == SCMP_COMPARE_OP_EQ && b->arg == a->arg &&
              b->bits == a->bits && b->datum != a->datum)
            return TRUE;
        }
    }
  return FALSE;
}

/* The test of sub-call @sub ∧ @more (without repeating a condition). */
static void
clause_list_append_sub (GArray        *list,
                        GPtrArray     *arena,
                        const ArgCond *sub_test,
                        const ArgCond *more,
                        guint          n_more,
                        guint32        action)
{
  ArgCond *conds = arena_take (arena, g_new (ArgCond, 1 + n_more));
  Clause c = { conds, 1, action, -1, FALSE };

  conds[0] = *sub_test;
  for (guint i = 0; i < n_more; i++)
    if (!conds_contain (conds, c.n_conds, &more[i]))
      conds[c.n_conds++] = more[i];
  if (!conds_unsatisfiable (conds, c.n_conds))
    g_array_append_val (list, c);
}

/* The clauses of a multiplexer syscall (socketcall, ipc) come from rules
 * for the multiplexer itself, whose conditions BPF can check, and from
 * rules for multiplexed calls, whose conditions it cannot (the arguments
 * are behind a pointer). For each sub-call s, a call may then end with any
 * of the actions of the unreadable rules met on the way, or with what
 * comes after them: the filter takes the most restrictive of those (the
 * earliest on a tie), which is never laxer than the rules. Rewrites the
 * list into plain clauses:
 *
 *   for each sub-call s:  s ∧ (the list as s sees it, actions tightened)
 *   then:                 the multiplexer's own rules, for the other calls
 *
 * The result grows with (sub-calls × own rules), never exponentially. */
static void
decision_expand (Decision        *d,
                 ScmpMultiplexer  mux,
                 guint32          default_action,
                 GPtrArray       *arena)
{
  g_autoptr(GArray) subs = g_array_new (FALSE, FALSE, sizeof (gint32));
  GArray *out;

  for (guint i = 0; i < d->n; i++)
    {
      gint32 sub = d->clauses[i].sub;
      gboolean seen = FALSE;

      for (guint k = 0; k < subs->len && !seen; k++)
        seen = g_array_index (subs, gint32, k) == sub;
      if (sub >= 0 && !seen)
        g_array_append_val (subs, sub);
    }
  if (subs->len == 0)
    return;

  out = g_array_new (FALSE, FALSE, sizeof (Clause));
  for (guint k = 0; k < subs->len; k++)
    {
      guint32 s = (guint32) g_array_index (subs, gint32, k);
      gboolean have_acc = FALSE, closed = FALSE;
      guint32 acc = 0;
      /* __sys_socketcall (int call, …) reads an int; ksys_ipc (unsigned
       * int call, …) dispatches on call & 0xffff, the rest is a version. */
      ArgCond test = mux == SCMP_MULTIPLEXER_IPC
        ? (ArgCond) { 0, 32, FALSE, SCMP_COMPARE_OP_MASKED_EQ, s, 0xffff }
        : (ArgCond) { 0, 32, TRUE, SCMP_COMPARE_OP_EQ, s, 0 };

      for (guint i = 0; i < d->n && !closed; i++)
        {
          const Clause *c = &d->clauses[i];
          guint32 action = have_acc ? most_restrictive (acc, c->action) : c->action;

          if (c->sub >= 0 && (guint32) c->sub != s)
            continue;
          if ((guint32) c->sub == s && c->maybe)
            {
              acc = action;
              have_acc = TRUE;
            }
          else if ((guint32) c->sub == s)
            {
              clause_list_append_sub (out, arena, &test, NULL, 0, action);
              closed = TRUE;
            }
          else
            clause_list_append_sub (out, arena, &test, c->conds, c->n_conds, action);
        }
      if (!closed)
        clause_list_append_sub (out, arena, &test, NULL, 0,
                                have_acc ? most_restrictive (acc, default_action) : default_action);
    }

  for (guint i = 0; i < d->n; i++)
    if (d->clauses[i].sub < 0)
      g_array_append_val (out, d->clauses[i]);

  d->n = out->len;
  d->clauses = arena_take (arena, g_array_free (out, FALSE));
}

/* After the first unconditional clause nothing can fire; a trailing clause
 * whose action is the default changes nothing. */
static void
decision_trim (Decision *d,
               guint32   default_action)
{
  for (guint i = 0; i < d->n; i++)
    {
      if (d->clauses[i].n_conds == 0)
        {
          d->n = i + 1;
          break;
        }
    }

  /* A clause whose conditions include an earlier clause's never fires.
   * (Quadratic: skipped on huge lists, where it is only a size gain.) */
  for (guint j = 1; j < d->n && d->n <= 128; j++)
    {
      for (guint i = 0; i < j; i++)
        {
          if (conds_subset (&d->clauses[i], &d->clauses[j]))
            {
              memmove (&d->clauses[j], &d->clauses[j + 1], (d->n - j - 1) * sizeof (Clause));
              d->n--;
              j--;
              break;
            }
        }
    }

  while (d->n > 0 && d->clauses[d->n - 1].action == default_action)
    d->n--;
}

/* ------------------------------------------------------------------ */
/* Per-arch decisions                                                  */
/* ------------------------------------------------------------------ */

/* What every ABI reads of a rule, taken once per compile. */
typedef struct {
  int                  idx;        /* name index, -1 for an unknown name */
  guint32              action;
  const ScmpCondition *conds;
  guint                n_conds;
} RuleView;

typedef struct {
  const ScmpArchInfo *info;
  guint32    default_action;
  Decision  *by_name;       /* [name index]: the decision for its number */
  Clause    *store;         /* the clauses of by_name, before expansion */
  ArgCond   *cond_store;    /* their conditions, as this ABI's kernel reads them */
  GPtrArray *arena;
} ArchDecisions;

static void
arch_decisions_clear (ArchDecisions *ad)
{
  g_clear_pointer (&ad->by_name, g_free);
  g_clear_pointer (&ad->store, g_free);
  g_clear_pointer (&ad->cond_store, g_free);
  g_clear_pointer (&ad->arena, g_ptr_array_unref);
}

/* The slot of a rule on @info's ABI: its own number's, and the
 * multiplexer's when the call also goes through socketcall/ipc. */
static void
rule_slots (const RuleView     *r,
            const ScmpArchInfo *info,
            const int           mux_idx[3],
            int                *direct,
            int                *muxed,
            guint              *sub)
{
  ScmpMultiplexer mux = _scmp_syscall_mux (r->idx, info->arch, sub);

  *direct = _scmp_syscall_number (r->idx, info->arch) >= 0 ? r->idx : -1;
  *muxed = mux != SCMP_MULTIPLEXER_NONE ? mux_idx[mux] : -1;
}

static void
arch_decisions_build (ArchDecisions          *ad,
                      ScmpArchitecture        arch,
                      const ScmpCompileInput *input,
                      const RuleView         *rules,
                      guint                   n_rules)
{
  guint n_names = _scmp_syscall_n_names ();
  int mux_idx[3] = { -1, -1, -1 };
  guint total = 0, total_conds = 0;

  ad->info = _scmp_arch_get_info (arch);
  ad->default_action = scmp_action_get_kernel_value (input->default_action);
  ad->by_name = g_new0 (Decision, n_names);
  ad->arena = g_ptr_array_new_with_free_func (g_free);
  mux_idx[SCMP_MULTIPLEXER_SOCKETCALL] = _scmp_syscall_lookup ("socketcall");
  mux_idx[SCMP_MULTIPLEXER_IPC] = _scmp_syscall_lookup ("ipc");

  /* Count each list's clauses, lay the lists out in one block, fill them. */
  for (guint r = 0; r < n_rules; r++)
    {
      int direct, muxed;
      guint sub;

      if (rules[r].idx < 0)
        continue;
      rule_slots (&rules[r], ad->info, mux_idx, &direct, &muxed, &sub);
      if (direct >= 0)
        {
          ad->by_name[direct].n++;
          total_conds += rules[r].n_conds;
        }
      if (muxed >= 0)
        ad->by_name[muxed].n++;
    }
  for (guint i = 0; i < n_names; i++)
    total += ad->by_name[i].n;
  ad->store = g_new (Clause, MAX (total, 1));
  ad->cond_store = total_conds > 0 ? g_new (ArgCond, total_conds) : NULL;
  total = 0;
  total_conds = 0;
  for (guint i = 0; i < n_names; i++)
    {
      ad->by_name[i].clauses = ad->store + total;
      total += ad->by_name[i].n;
      ad->by_name[i].n = 0;
    }

  for (guint r = 0; r < n_rules; r++)
    {
      const RuleView *rv = &rules[r];
      int direct, muxed;
      guint sub;

      if (rv->idx < 0)
        continue;
      rule_slots (rv, ad->info, mux_idx, &direct, &muxed, &sub);
      if (direct >= 0)
        {
          ArgCond *conds = ad->cond_store != NULL ? ad->cond_store + total_conds : NULL;

          for (guint i = 0; i < rv->n_conds; i++)
            arg_cond_init (&conds[i], &rv->conds[i],
                           condition_type (&rv->conds[i], direct, arch));
          if (!conds_unsatisfiable (conds, rv->n_conds))
            {
              Decision *d = &ad->by_name[direct];

              d->clauses[d->n++] = (Clause) { conds, rv->n_conds, rv->action, -1, FALSE };
              total_conds += rv->n_conds;
            }
        }
      if (muxed >= 0)
        {
          Decision *d = &ad->by_name[muxed];
          d->clauses[d->n++] = (Clause) { NULL, 0, rv->action, (gint32) sub, rv->n_conds > 0 };
        }
    }

  for (guint m = SCMP_MULTIPLEXER_SOCKETCALL; m <= SCMP_MULTIPLEXER_IPC; m++)
    if (mux_idx[m] >= 0)
      decision_expand (&ad->by_name[mux_idx[m]], m, ad->default_action, ad->arena);
  for (guint i = 0; i < n_names; i++)
    if (ad->by_name[i].n > 0)
      decision_trim (&ad->by_name[i], ad->default_action);
}

/* ------------------------------------------------------------------ */
/* The DAG of word tests                                               */
/* ------------------------------------------------------------------ */

typedef enum {
  NODE_RET,
  NODE_TEST,
} NodeKind;

enum { IN_UNSET, IN_KNOWN, IN_CONFLICT };

typedef struct _Node Node;
struct _Node {
  /* identity (hash-consed) */
  NodeKind kind;
  guint16  jop;          /* BPF_JEQ, BPF_JGT, BPF_JGE, BPF_JSET */
  guint32  off;          /* word of seccomp_data tested */
  guint32  mask;         /* ANDed before the test; WORD_ALL for none */
  guint32  k;            /* jump constant, or the RET value */
  Node    *t, *f;

  /* layout */
  guint8   in_state;      /* what predecessors leave in A: */
  guint32  in_off;        /*   word(in_off) & in_mask when IN_KNOWN */
  guint32  in_mask;
  gboolean need_ld;
  gboolean need_and;
  gboolean far_t, far_f;  /* jump side needs a trampoline */
  gboolean visited;
  gint     pos;
};

typedef enum {
  MODE_FAST,             /* search trees for runs of values, shared tests */
  MODE_COMPACT,          /* fewest instructions: no value search trees */
  MODE_NAIVE,            /* no sharing, no search trees, a weight-balanced
                            range tree: the yardstick the optimisations
                            are tested against */
} CompileMode;

typedef struct {
  GHashTable *nodes;     /* Node* → Node* (hash-consing set, owns) */
  GPtrArray  *order;
  CompileMode mode;
  GPtrArray  *chunks;    /* (element-type Node[NODE_CHUNK]) the nodes' storage */
  guint       chunk_used;
  Node       *last_ret;  /* the RET last asked for: most syscalls of a
                            filter end in the same one or two */
} Dag;

/* Nodes are allocated in chunks: a compile makes thousands and frees them
 * all at once. */
#define NODE_CHUNK 256

static guint
node_hash (gconstpointer p)
{
  const Node *n = p;
  guint h = n->kind * 31u + n->jop;

  h = h * 1000003u ^ n->off;
  h = h * 1000003u ^ n->mask;
  h = h * 1000003u ^ n->k;
  h = h * 1000003u ^ GPOINTER_TO_UINT (n->t);
  h = h * 1000003u ^ GPOINTER_TO_UINT (n->f);
  return h;
}

static gboolean
node_equal (gconstpointer a,
            gconstpointer b)
{
  const Node *x = a, *y = b;

  return x->kind == y->kind && x->jop == y->jop && x->off == y->off &&
         x->mask == y->mask && x->k == y->k && x->t == y->t && x->f == y->f;
}

static void
dag_init (Dag *dag)
{
  dag->nodes = g_hash_table_new (node_hash, node_equal);
  dag->order = g_ptr_array_new ();
  dag->chunks = g_ptr_array_new_with_free_func (g_free);
  dag->chunk_used = NODE_CHUNK;
  dag->last_ret = NULL;
}

static void
dag_clear (Dag *dag)
{
  g_clear_pointer (&dag->nodes, g_hash_table_unref);
  g_clear_pointer (&dag->order, g_ptr_array_unref);
  g_clear_pointer (&dag->chunks, g_ptr_array_unref);
}

static Node *
dag_intern (Dag  *dag,
            Node *proto)
{
  Node *found = g_hash_table_lookup (dag->nodes, proto);

  if (found != NULL)
    return found;
  if (dag->chunk_used == NODE_CHUNK)
    {
      g_ptr_array_add (dag->chunks, g_new (Node, NODE_CHUNK));
      dag->chunk_used = 0;
    }
  found = (Node *) g_ptr_array_index (dag->chunks, dag->chunks->len - 1) + dag->chunk_used++;
  *found = *proto;
  g_hash_table_add (dag->nodes, found);
  return found;
}

static Node *
node_ret (Dag     *dag,
          guint32  value)
{
  Node proto = { .kind = NODE_RET, .k = value };

  if (dag->last_ret == NULL || dag->last_ret->k != value)
    dag->last_ret = dag_intern (dag, &proto);
  return dag->last_ret;
}

/* if ((word(off) & mask) <jop> k) t else f, with the obvious folds. */
static Node *
node_test (Dag     *dag,
           guint32  off,
           guint32  mask,
           guint16  jop,
           guint32  k,
           Node    *t,
           Node    *f)
{
  Node proto = { .kind = NODE_TEST };

  if (jop == BPF_JSET)
    {
      k &= mask;
      mask = WORD_ALL;
      if (k == 0)
        return f;
    }
  if (mask == 0)
    {
      /* The accumulator would be 0: decide now. */
      gboolean r = jop == BPF_JEQ ? k == 0 : jop == BPF_JGE ? k == 0 : FALSE;
      return r ? t : f;
    }
  if (jop == BPF_JEQ && (k & ~mask) != 0)
    return f;
  if (jop == BPF_JGE && k == 0)
    return t;
  if (jop == BPF_JGT && k == WORD_ALL)
    return f;
  if (t == f)
    return t;

  proto.jop = jop;
  proto.off = off;
  proto.mask = mask;
  proto.k = k;
  proto.t = t;
  proto.f = f;
  return dag_intern (dag, &proto);
}

/* Where seccomp_data keeps the low or high 32 bits of argument @arg: the
 * ABI's byte order decides which word comes first. */
static inline guint32
arg_word_off (const ScmpArchInfo *info,
              guint               arg,
              gboolean            high)
{
  return SCMP_BPF_OFF_ARGS + 8 * arg + (high != (gboolean) info->big_endian ? 4 : 0);
}

typedef struct {
  guint32 lo;        /* first number of the range; it ends where the next begins */
  Node   *node;
  guint64 weight;
} Range;

static void  ranges_add (GArray *ranges, guint32 lo, Node *node, guint64 weight);
static Node *range_tree_balanced (Dag *dag, guint32 off, Range *r, guint n);

/* A clause's conditions as a conjunction of atoms, so that rules sharing
 * a test (the high word of a 64-bit equality, above all) share it in the
 * program too. A word atom is one cBPF test:
 *
 *   ((word(off) & mask) <jop> k) == positive
 *
 * A condition that is not a conjunction of word tests (a 64-bit != or
 * ordering, a signed ordering that wraps around) is a whole range test:
 *
 *   (value in [a, b]) == positive
 *
 * where value is word(off) & mask, or with @wide the 64-bit argument whose
 * high word is word(off_hi). */
typedef struct {
  gboolean whole;
  gboolean wide;             /* (whole) */
  guint32  off;
  guint32  off_hi;           /* (whole, wide) */
  guint32  mask;
  guint16  jop;              /* (word) */
  guint32  k;                /* (word) */
  guint64  a, b;             /* (whole) */
  gboolean positive;
} Atom;

typedef struct {
  GArray  *atoms;            /* (element-type Atom) */
  guint32  action;
} AtomClause;

static gboolean
atom_equal (const Atom *a,
            const Atom *b)
{
  if (a->whole != b->whole || a->off != b->off || a->mask != b->mask ||
      a->positive != b->positive)
    return FALSE;
  if (a->whole)
    return a->wide == b->wide && a->off_hi == b->off_hi && a->a == b->a && a->b == b->b;
  return a->jop == b->jop && a->k == b->k;
}

static void
atoms_add_word (GArray  *atoms,
                guint32  off,
                guint32  mask,
                guint16  jop,
                guint32  k,
                gboolean positive)
{
  Atom atom = { .off = off, .mask = mask, .jop = jop, .k = k, .positive = positive };

  g_array_append_val (atoms, atom);
}

/* Appends the atoms of (word(off) & mask) == datum; FALSE if it can never
 * hold. A test that always holds adds nothing. */
static gboolean
atoms_add_masked (GArray  *atoms,
                  guint32  off,
                  guint32  mask,
                  guint32  datum)
{
  if ((datum & ~mask) != 0)
    return FALSE;
  if (mask == 0)
    return TRUE;
  if (mask == WORD_ALL)
    atoms_add_word (atoms, off, WORD_ALL, BPF_JEQ, datum, TRUE);
  else if (datum == 0)
    atoms_add_word (atoms, off, WORD_ALL, BPF_JSET, mask, FALSE);
  else if (datum == mask && (mask & (mask - 1)) == 0)
    atoms_add_word (atoms, off, WORD_ALL, BPF_JSET, mask, TRUE);
  else
    atoms_add_word (atoms, off, mask, BPF_JEQ, datum, TRUE);
  return TRUE;
}

static void
atoms_add_range (GArray  *atoms,
                 guint32  off,
                 guint32  off_hi,
                 gboolean wide,
                 guint32  mask,
                 guint64  a,
                 guint64  b,
                 gboolean positive)
{
  Atom atom = { .whole = TRUE, .wide = wide, .off = off, .off_hi = wide ? off_hi : 0,
                .mask = mask, .a = a, .b = b, .positive = positive };

  g_array_append_val (atoms, atom);
}

/* 64-bit value >= @v, as word atoms where it can be. */
static void
atoms_add_wide_ge (GArray  *atoms,
                   guint32  lo_off,
                   guint32  hi_off,
                   guint64  v)
{
  if ((guint32) v == 0)
    atoms_add_word (atoms, hi_off, WORD_ALL, BPF_JGE, (guint32) (v >> 32), TRUE);
  else
    atoms_add_range (atoms, lo_off, hi_off, TRUE, WORD_ALL, v, G_MAXUINT64, TRUE);
}

/* 64-bit value <= @v. */
static void
atoms_add_wide_le (GArray  *atoms,
                   guint32  lo_off,
                   guint32  hi_off,
                   guint64  v)
{
  if ((guint32) v == WORD_ALL)
    atoms_add_word (atoms, hi_off, WORD_ALL, BPF_JGT, (guint32) (v >> 32), FALSE);
  else
    atoms_add_range (atoms, lo_off, hi_off, TRUE, WORD_ALL, 0, v, TRUE);
}

/* Appends the atoms of @c as the kernel reads the argument on @info's
 * ABI; FALSE when it can never hold (the clause is dead). An argument of
 * 32 bits or fewer is its low word (masked below 32 bits). */
static gboolean
atoms_add_condition (GArray             *atoms,
                     const ScmpArchInfo *info,
                     const ArgCond      *c)
{
  guint32 lo_off = arg_word_off (info, c->arg, FALSE);
  guint32 hi_off = arg_word_off (info, c->arg, TRUE);
  guint32 lo = (guint32) c->datum, hi = (guint32) (c->datum >> 32);
  gboolean wide = c->bits == 64;
  guint32 m = (guint32) bits_mask (MIN (c->bits, 32));
  ValueSet set;

  switch (c->op)
    {
    case SCMP_COMPARE_OP_EQ:
      if (wide)
        atoms_add_word (atoms, hi_off, WORD_ALL, BPF_JEQ, hi, TRUE);
      return atoms_add_masked (atoms, lo_off, m, lo);
    case SCMP_COMPARE_OP_MASKED_EQ:
      if (wide && !atoms_add_masked (atoms, hi_off, (guint32) (c->mask >> 32), hi))
        return FALSE;
      return atoms_add_masked (atoms, lo_off, (guint32) c->mask & m, lo);
    case SCMP_COMPARE_OP_NE:
      if (wide)
        atoms_add_range (atoms, lo_off, hi_off, TRUE, WORD_ALL, c->datum, c->datum, FALSE);
      else if (m != WORD_ALL && lo == 0)
        atoms_add_word (atoms, lo_off, WORD_ALL, BPF_JSET, m, TRUE);
      else
        atoms_add_word (atoms, lo_off, m, BPF_JEQ, lo, FALSE);
      return TRUE;
    default:
      break;
    }

  set = ordering_set (c);
  switch (set.kind)
    {
    case SET_NONE:
      return FALSE;
    case SET_ALL:
      return TRUE;
    case SET_IN:
      if (set.lo == set.hi && wide)
        {
          atoms_add_word (atoms, hi_off, WORD_ALL, BPF_JEQ, (guint32) (set.lo >> 32), TRUE);
          atoms_add_word (atoms, lo_off, WORD_ALL, BPF_JEQ, (guint32) set.lo, TRUE);
        }
      else if (set.lo == set.hi)
        atoms_add_masked (atoms, lo_off, m, (guint32) set.lo);
      else if (wide)
        {
          if (set.lo > 0)
            atoms_add_wide_ge (atoms, lo_off, hi_off, set.lo);
          if (set.hi < G_MAXUINT64)
            atoms_add_wide_le (atoms, lo_off, hi_off, set.hi);
        }
      else
        {
          if (set.lo > 0)
            atoms_add_word (atoms, lo_off, m, BPF_JGE, (guint32) set.lo, TRUE);
          if (set.hi < m)
            atoms_add_word (atoms, lo_off, m, BPF_JGT, (guint32) set.hi, FALSE);
        }
      return TRUE;
    case SET_OUT:
      atoms_add_range (atoms, lo_off, hi_off, wide, wide ? WORD_ALL : m, set.lo, set.hi, FALSE);
      return TRUE;
    default:
      g_assert_not_reached ();
    }
}

/* 64-bit value >= @v: the high word decides unless equal. */
static Node *
wide_ge_node (Dag     *dag,
              guint32  lo_off,
              guint32  hi_off,
              guint64  v,
              Node    *t,
              Node    *f)
{
  guint32 h = (guint32) (v >> 32), l = (guint32) v;

  if (l == 0)
    return node_test (dag, hi_off, WORD_ALL, BPF_JGE, h, t, f);
  return node_test (dag, hi_off, WORD_ALL, BPF_JGT, h, t,
                    node_test (dag, hi_off, WORD_ALL, BPF_JEQ, h,
                               node_test (dag, lo_off, WORD_ALL, BPF_JGE, l, t, f), f));
}

/* (value in [a, b]) == positive, for a whole atom. */
static Node *
range_node (Dag        *dag,
            const Atom *atom,
            Node       *t,
            Node       *f)
{
  Node *in = atom->positive ? t : f, *out = atom->positive ? f : t;
  Node *le;

  if (!atom->wide)
    {
      le = atom->b < atom->mask ? node_test (dag, atom->off, atom->mask, BPF_JGT,
                                             (guint32) atom->b, out, in)
                                : in;
      return atom->a > 0 ? node_test (dag, atom->off, atom->mask, BPF_JGE,
                                      (guint32) atom->a, le, out)
                         : le;
    }
  if (atom->a == atom->b)
    return node_test (dag, atom->off_hi, WORD_ALL, BPF_JEQ, (guint32) (atom->a >> 32),
                      node_test (dag, atom->off, WORD_ALL, BPF_JEQ, (guint32) atom->a, in, out),
                      out);
  /* value <= b is !(value >= b + 1). */
  le = atom->b < G_MAXUINT64 ? wide_ge_node (dag, atom->off, atom->off_hi, atom->b + 1, out, in)
                             : in;
  return atom->a > 0 ? wide_ge_node (dag, atom->off, atom->off_hi, atom->a, le, out) : le;
}

static Node *
atom_node (Dag                *dag,
           const ScmpArchInfo *info,
           const Atom         *atom,
           Node               *t,
           Node               *f)
{
  if (atom->whole)
    return range_node (dag, atom, t, f);
  return node_test (dag, atom->off, atom->mask, atom->jop, atom->k,
                    atom->positive ? t : f, atom->positive ? f : t);
}

static gboolean
atom_clause_has (const AtomClause *c,
                 const Atom       *atom)
{
  for (guint i = 0; i < c->atoms->len; i++)
    if (atom_equal (&g_array_index (c->atoms, Atom, i), atom))
      return TRUE;
  return FALSE;
}

/* A clause that is one positive JEQ on a whole word. */
static gboolean
atom_clause_is_value (const AtomClause *c,
                      guint32           off)
{
  const Atom *a;

  if (c->atoms->len != 1)
    return FALSE;
  a = &g_array_index (c->atoms, Atom, 0);
  return !a->whole && a->positive && a->jop == BPF_JEQ && a->mask == WORD_ALL && a->off == off;
}

/* At least this many "word == K" clauses in a row become a search tree. */
#define VALUE_SEARCH_MIN 6

/* Up to this many values are tested one JEQ after the other. */
#define VALUE_CHAIN_MAX 6

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const Range *x = a, *y = b;

  return x->lo < y->lo ? -1 : x->lo > y->lo;
}

/* The tests value_tree() makes for @n values. */
static guint
value_tree_size (guint n)
{
  if (n <= VALUE_CHAIN_MAX)
    return n;
  return 1 + value_tree_size (n / 2) + value_tree_size (n - n / 2);
}

static Node *
value_tree (Dag     *dag,
            guint32  off,
            Range   *v,
            guint    n,
            Node    *miss)
{
  Node *node = miss;
  guint mid;

  if (n <= VALUE_CHAIN_MAX)
    {
      for (guint i = n; i-- > 0; )
        node = node_test (dag, off, WORD_ALL, BPF_JEQ, v[i].lo, v[i].node, node);
      return node;
    }
  mid = n / 2;
  return node_test (dag, off, WORD_ALL, BPF_JGE, v[mid].lo,
                    value_tree (dag, off, v + mid, n - mid, miss),
                    value_tree (dag, off, v, mid, miss));
}

/* Clauses i..j, each "word(off) == K → action", then @next: a binary
 * search over the sorted values (a JGE per level) ending in short JEQ
 * chains. The first clause for a K wins. */
static Node *
value_search_node (Dag        *dag,
                   AtomClause *clauses,
                   guint       i,
                   guint       j,
                   Node       *next)
{
  guint32 off = g_array_index (clauses[i].atoms, Atom, 0).off;
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (Range));
  g_autoptr(GArray) ranges = NULL;
  guint32 cursor = 0;
  gboolean done = FALSE;
  guint n = 0;

  for (guint c = i; c <= j; c++)
    {
      Range p = { g_array_index (clauses[c].atoms, Atom, 0).k, node_ret (dag, clauses[c].action), 1 };
      g_array_append_val (points, p);
    }
  /* Stable (since GLib 2.32): among equal values the first clause stays first. */
  g_array_sort (points, compare_ranges);
  for (guint p = 0; p < points->len; p++)
    {
      Range *pt = &g_array_index (points, Range, p);

      if (n == 0 || pt->lo != g_array_index (points, Range, n - 1).lo)
        g_array_index (points, Range, n++) = *pt;
    }

  /* Contiguous values with the same action (families, flag sets) are
   * cheaper as ranges: count both shapes, build the smaller. */
  ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  for (guint p = 0; p < n && !done; p++)
    {
      Range *pt = &g_array_index (points, Range, p);

      if (pt->lo > cursor)
        ranges_add (ranges, cursor, next, 1);
      ranges_add (ranges, pt->lo, pt->node, 1);
      if (pt->lo == WORD_ALL)
        done = TRUE;
      else
        cursor = pt->lo + 1;
    }
  if (!done)
    ranges_add (ranges, cursor, next, 1);

  if (ranges->len - 1 < value_tree_size (n))
    return range_tree_balanced (dag, off, (Range *) (void *) ranges->data, ranges->len);
  return value_tree (dag, off, (Range *) (void *) points->data, n, next);
}

/* First-match semantics over @clauses[0..n), then @next. A run of clauses
 * that all contain the same atom X is tested as "X ? (the run without X,
 * then what follows) : what follows": none of the run can match without X. */
static Node *
atom_clauses_node (Dag                *dag,
                   const ScmpArchInfo *info,
                   AtomClause         *clauses,
                   guint               n,
                   Node               *next)
{
  g_autoptr(GArray) segments = g_array_new (FALSE, FALSE, sizeof (guint) * 3);
  guint i = 0;
  Node *node = next;

  /* Cut the list into segments: [first, last, atom index in first]. */
  while (i < n)
    {
      AtomClause *c = &clauses[i];
      guint seg[3] = { i, i, G_MAXUINT };

      if (c->atoms->len > 0)
        {
          guint32 off = g_array_index (c->atoms, Atom, 0).off;
          guint best = 0, best_run = 0, v = i;

          while (dag->mode == MODE_FAST && v < n && atom_clause_is_value (&clauses[v], off))
            v++;
          if (dag->mode == MODE_FAST && v - i >= VALUE_SEARCH_MIN)
            {
              seg[1] = v - 1;
              seg[2] = G_MAXUINT - 1;
            }
          else
            {
              for (guint a = 0; a < c->atoms->len; a++)
                {
                  const Atom *atom = &g_array_index (c->atoms, Atom, a);
                  guint run = 1;

                  while (dag->mode != MODE_NAIVE && i + run < n &&
                         atom_clause_has (&clauses[i + run], atom))
                    run++;
                  if (run > best_run)
                    {
                      best_run = run;
                      best = a;
                    }
                }
              seg[1] = i + best_run - 1;
              seg[2] = best;
            }
        }
      g_array_append_vals (segments, seg, 1);
      if (seg[2] == G_MAXUINT)
        break;        /* unconditional: nothing after it can match */
      i = seg[1] + 1;
    }

  for (guint s = segments->len; s-- > 0; )
    {
      guint *seg = &g_array_index (segments, guint, 3 * s);

      if (seg[2] == G_MAXUINT)
        node = node_ret (dag, clauses[seg[0]].action);
      else if (seg[2] == G_MAXUINT - 1)
        node = value_search_node (dag, clauses, seg[0], seg[1], node);
      else
        {
          Atom x = g_array_index (clauses[seg[0]].atoms, Atom, seg[2]);
          guint len = seg[1] - seg[0] + 1;
          g_autofree AtomClause *sub = g_new (AtomClause, len);
          Node *inner;

          for (guint c = 0; c < len; c++)
            {
              GArray *src = clauses[seg[0] + c].atoms;

              sub[c].action = clauses[seg[0] + c].action;
              sub[c].atoms = g_array_sized_new (FALSE, FALSE, sizeof (Atom), src->len);
              for (guint a = 0; a < src->len; a++)
                if (!atom_equal (&g_array_index (src, Atom, a), &x))
                  g_array_append_vals (sub[c].atoms, &g_array_index (src, Atom, a), 1);
            }
          inner = atom_clauses_node (dag, info, sub, len, node);
          for (guint c = 0; c < len; c++)
            g_array_unref (sub[c].atoms);
          node = atom_node (dag, info, &x, inner, node);
        }
    }
  return node;
}

static Node *
decision_node (Dag                *dag,
               const ScmpArchInfo *info,
               const Decision     *d,
               guint32             default_action)
{
  g_autofree AtomClause *ac = NULL;
  guint n = 0;
  Node *node;

  /* Most syscalls have one unconditional outcome. */
  if (d->n == 1 && d->clauses[0].n_conds == 0)
    return node_ret (dag, d->clauses[0].action);

  ac = g_new (AtomClause, d->n);
  for (guint i = 0; i < d->n; i++)
    {
      const Clause *cl = &d->clauses[i];
      gboolean live = TRUE;

      ac[n].action = cl->action;
      ac[n].atoms = g_array_sized_new (FALSE, FALSE, sizeof (Atom), 2 * cl->n_conds);
      for (guint j = 0; j < cl->n_conds && live; j++)
        live = atoms_add_condition (ac[n].atoms, info, &cl->conds[j]);
      if (live)
        n++;
      else
        g_array_unref (ac[n].atoms);
    }

  node = atom_clauses_node (dag, info, ac, n, node_ret (dag, default_action));
  for (guint i = 0; i < n; i++)
    g_array_unref (ac[i].atoms);
  return node;
}

/* ------------------------------------------------------------------ */
/* The range tree over syscall numbers                                 */
/* ------------------------------------------------------------------ */

static void
ranges_add (GArray  *ranges,
            guint32  lo,
            Node    *node,
            guint64  weight)
{
  if (ranges->len > 0)
    {
      Range *last = &g_array_index (ranges, Range, ranges->len - 1);

      if (last->node == node)
        {
          last->weight += weight;
          return;
        }
    }
  g_array_append_val (ranges, ((Range) { lo, node, weight }));
}

/* Weight of a range in the search tree: how often a call is expected to
 * land there. Every syscall of the ABI's table counts the same, a priority
 * hint multiplies it, numbers outside the table count (almost) nothing. */
#define WEIGHT_PER_SYSCALL 64

/* Ranges [from, to] of one ABI's number space (to inclusive). */
static void
ranges_add_arch (GArray                 *ranges,
                 Dag                    *dag,
                 ArchDecisions          *ad,
                 guint32                 from,
                 guint32                 to,
                 const ScmpCompileInput *input)
{
  Node *dflt = node_ret (dag, ad->default_action);
  ScmpArchitecture arch = ad->info->arch;
  gboolean hints = input->priorities != NULL && g_hash_table_size (input->priorities) > 0;
  guint n_sys;
  const guint16 *by_nr = _scmp_arch_syscalls_by_nr (arch, &n_sys);
  guint64 gap = 0;          /* syscalls of the table since @cursor */
  guint32 cursor = from;

  for (guint i = 0; i < n_sys; i++)
    {
      const Decision *d = &ad->by_name[by_nr[i]];
      guint32 nr = (guint32) _scmp_syscall_number (by_nr[i], arch);
      guint64 weight = WEIGHT_PER_SYSCALL;

      if (nr < from)
        continue;
      if (nr > to)
        break;
      if (d->n == 0)
        {
          gap++;
          continue;
        }
      if (nr > cursor)
        ranges_add (ranges, cursor, dflt, WEIGHT_PER_SYSCALL * gap);
      if (hints)
        weight *= 1 + GPOINTER_TO_UINT (g_hash_table_lookup (input->priorities,
                                                             _scmp_syscall_name (by_nr[i])));
      ranges_add (ranges, nr, decision_node (dag, ad->info, d, ad->default_action), weight);
      gap = 0;
      cursor = nr + 1;
    }
  if (cursor <= to)
    ranges_add (ranges, cursor, dflt, WEIGHT_PER_SYSCALL * gap);
}

/* Above this many ranges the optimal tree costs too much to find; a
 * weight-balanced split is close enough. */
#define OPTIMAL_TREE_MAX_RANGES 1024

/* Weight-balanced: the split puts about half the weight on each side. */
static Node *
range_tree_balanced (Dag     *dag,
                     guint32  off,
                     Range   *r,
                     guint    n)
{
  guint64 total = 0, acc = 0;
  guint split = 1;

  if (n == 1)
    return r[0].node;

  for (guint i = 0; i < n; i++)
    total += r[i].weight + 1;
  for (guint i = 0; i + 1 < n; i++)
    {
      acc += r[i].weight + 1;
      split = i + 1;
      if (2 * acc >= total)
        break;
    }

  return node_test (dag, off, WORD_ALL, BPF_JGE, r[split].lo,
                    range_tree_balanced (dag, off, r + split, n - split),
                    range_tree_balanced (dag, off, r, split));
}

/* A one-number range between two ranges with the same outcome is one JEQ. */
static gboolean
is_jeq_triple (const Range *r)
{
  return r[0].node == r[2].node && r[2].lo == r[1].lo + 1;
}

/* The dynamic programme's tables are kept between compiles on a thread
 * when they are small enough: fresh pages (malloc hands big blocks back
 * to the kernel on free) cost a page fault every 4 KiB, which made up
 * half the time of the programme itself. */
#define SCRATCH_KEEP_MAX (1024 * 1024)

typedef struct {
  gsize    size;
  gpointer data;
} Scratch;

static void
scratch_free (gpointer data)
{
  Scratch *s = data;

  g_free (s->data);
  g_free (s);
}

static GPrivate scratch_key = G_PRIVATE_INIT (scratch_free);

/* A block of @size bytes; give it back with scratch_release(). */
static gpointer
scratch_take (gsize size)
{
  Scratch *s = g_private_get (&scratch_key);
  gpointer data;

  if (s == NULL || s->data == NULL || s->size < size)
    return g_malloc (size);
  data = g_steal_pointer (&s->data);
  return data;
}

static void
scratch_release (gpointer data,
                 gsize    size)
{
  Scratch *s = g_private_get (&scratch_key);

  if (size > SCRATCH_KEEP_MAX)
    {
      g_free (data);
      return;
    }
  if (s == NULL)
    {
      s = g_new0 (Scratch, 1);
      g_private_set (&scratch_key, s);
    }
  if (s->data != NULL && s->size >= size)
    {
      g_free (data);       /* keep the bigger one */
      return;
    }
  g_free (s->data);
  s->data = data;
  s->size = size;
}

/* The plan's splits: root[col_start (j) + i] is the split of ranges i..j
 * (column by column, triangular). */
typedef struct {
  guint32        off;        /* the word searched */
  Range         *r;
  const guint16 *root;       /* the first range of the JGE's true side */
} TreePlan;

static inline gsize
col_start (guint j)
{
  return (gsize) j * (j + 1) / 2;
}

static Node *
range_tree_build (Dag      *dag,
                  TreePlan *plan,
                  guint     i,
                  guint     j)
{
  guint k;

  if (i == j)
    return plan->r[i].node;
  /* The programme always takes the JEQ for a triple: it costs least. */
  if (j == i + 2 && is_jeq_triple (&plan->r[i]))
    return node_test (dag, plan->off, WORD_ALL, BPF_JEQ, plan->r[i + 1].lo,
                      plan->r[i + 1].node, plan->r[i].node);
  k = plan->root[col_start (j) + i];
  return node_test (dag, plan->off, WORD_ALL, BPF_JGE, plan->r[k].lo,
                    range_tree_build (dag, plan, k, j),
                    range_tree_build (dag, plan, i, k - 1));
}

/* The search tree that minimises the expected number of tests, weighted
 * by the ranges' weights: an optimal alphabetic tree, found with Knuth's
 * O(n²) dynamic programme. Each test is one JGE, or one JEQ for a lone
 * number between two neighbours with the same outcome (a JEQ plan keeps
 * its best JGE split in root so that Knuth's bounds stay valid). */
static Node *
range_tree (Dag     *dag,
            guint32  off,
            Range   *r,
            guint    n)
{
  gsize cells = (gsize) n * (n + 1) / 2;
  /* cost rows (triangular, row i holds i..n-1), roots, and per range:
   * its row's base, the prefix weight, the column being made and the
   * previous column's roots */
  gsize table_size = cells * (sizeof (guint32) + sizeof (guint16)) +
                     n * (sizeof (gsize) + 2 * sizeof (guint32) + 2 * sizeof (guint16)) +
                     sizeof (guint32);
  guint64 total = 0;
  guint depth_bound = 2;
  guint32 *cost, *prefix, *col_cost;
  gsize *row_base;
  guint16 *root, *col_root, *prev_root;
  TreePlan p;
  gpointer tables;
  Node *tree;

  /* A cost is at most the total weight times the depth of a balanced
   * tree, and a candidate split at most twice that: 32 bits hold it for
   * any real filter (a few thousand syscalls, priorities up to 255), and
   * the programme walks half the memory. */
  for (guint i = 0; i < n; i++)
    total += r[i].weight + 1;
  for (guint m = n; m > 1; m = (m + 1) / 2)
    depth_bound++;
  if (n > OPTIMAL_TREE_MAX_RANGES || total > G_MAXUINT32 / (2 * depth_bound))
    return range_tree_balanced (dag, off, r, n);

  tables = scratch_take (table_size);
  row_base = tables;                                    /* 8-byte aligned first */
  cost = (guint32 *) (void *) (row_base + n);
  prefix = cost + cells;
  col_cost = prefix + n + 1;
  root = (guint16 *) (void *) (col_cost + n);
  col_root = root + cells;
  prev_root = col_root + n;

  prefix[0] = 0;
  for (guint i = 0; i < n; i++)
    {
      prefix[i + 1] = prefix[i] + (guint32) r[i].weight + 1;
      row_base[i] = (gsize) i * n - (gsize) i * (i - 1) / 2 - i;   /* + j: cell i..j */
    }

  /* Column by column, bottom up: a split k of i..j reads row i (i..k-1,
   * made in earlier columns) and column j (k..j, just made, kept with its
   * roots in col_cost/col_root, and the roots of j-1 in prev_root). */
  for (guint j = 0; j < n; j++)
    {
      guint16 *root_j = root + col_start (j);

      cost[row_base[j] + j] = col_cost[j] = 0;
      root_j[j] = col_root[j] = j;

      for (guint i = j; i-- > 0; )
        {
          guint lo_k = MAX (prev_root[i], i + 1);          /* root of i..j-1 */
          guint hi_k = MAX (MIN (col_root[i + 1], j), lo_k);
          const guint32 *left = cost + row_base[i] - 1;     /* left[k]: i..k-1 */
          guint32 best = G_MAXUINT32;
          guint best_k = lo_k;

          for (guint k = lo_k; k <= hi_k; k++)
            {
              guint32 c = left[k] + col_cost[k];

              if (c < best)
                {
                  best = c;
                  best_k = k;
                }
            }
          if (j == i + 2 && is_jeq_triple (&r[i]))
            best = 0;
          best += prefix[j + 1] - prefix[i];
          cost[row_base[i] + j] = col_cost[i] = best;
          root_j[i] = col_root[i] = best_k;
        }
      memcpy (prev_root, col_root, (j + 1) * sizeof (guint16));
    }

  p.off = off;
  p.r = r;
  p.root = root;
  tree = range_tree_build (dag, &p, 0, n - 1);
  scratch_release (tables, table_size);
  return tree;
}

/* ------------------------------------------------------------------ */
/* Layout and emission                                                 */
/* ------------------------------------------------------------------ */

static void
collect_postorder (Node      *n,
                   GPtrArray *post)
{
  if (n->visited)
    return;
  n->visited = TRUE;
  if (n->kind == NODE_TEST)
    {
      collect_postorder (n->t, post);
      collect_postorder (n->f, post);
    }
  g_ptr_array_add (post, n);
}

static guint
node_size (Node *n)
{
  if (n->kind == NODE_RET)
    return 1;
  return (n->need_ld ? 1 : 0) + (n->need_and ? 1 : 0) + 1 + (n->far_t ? 1 : 0) + (n->far_f ? 1 : 0);
}

/* Which loads and ANDs each test needs, given what its predecessors leave
 * in the accumulator: a test leaves word(off) & mask there, jumps and
 * trampolines keep it. @order is topological, so every predecessor of a
 * node is settled before the node itself. */
static void
compute_loads (GPtrArray *order,
               Node      *root)
{
  for (guint i = 0; i < order->len; i++)
    {
      Node *n = g_ptr_array_index (order, i);
      n->in_state = n == root ? IN_CONFLICT : IN_UNSET;
    }

  for (guint i = 0; i < order->len; i++)
    {
      Node *n = g_ptr_array_index (order, i);

      if (n->kind != NODE_TEST)
        continue;

      if (n->in_state == IN_KNOWN && n->in_off == n->off && n->in_mask == n->mask)
        n->need_ld = n->need_and = FALSE;
      else if (n->in_state == IN_KNOWN && n->in_off == n->off && n->in_mask == WORD_ALL)
        {
          n->need_ld = FALSE;
          n->need_and = TRUE;
        }
      else
        {
          n->need_ld = TRUE;
          n->need_and = n->mask != WORD_ALL;
        }

      for (int side = 0; side < 2; side++)
        {
          Node *s = side ? n->f : n->t;

          if (s->in_state == IN_UNSET)
            {
              s->in_state = IN_KNOWN;
              s->in_off = n->off;
              s->in_mask = n->mask;
            }
          else if (s->in_state == IN_KNOWN && (s->in_off != n->off || s->in_mask != n->mask))
            s->in_state = IN_CONFLICT;
        }
    }
}

/* How far short of a jump's reach a RET island is placed. */
#define ISLAND_SLACK 48

static gboolean
emit_program (Node         *root,
              ScmpProgram  *program,
              GError      **error)
{
  g_autoptr(GPtrArray) post = g_ptr_array_new ();
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GArray) insns = g_array_new (FALSE, TRUE, sizeof (struct sock_filter));
  g_autoptr(GPtrArray) islands = g_ptr_array_new_with_free_func (g_free);
  guint passes = 0;
  gboolean changed;
  guint total = 0;

  collect_postorder (root, post);
  for (guint i = post->len; i-- > 0; )
    g_ptr_array_add (order, g_ptr_array_index (post, i));

  compute_loads (order, root);
  for (guint i = 0; i < order->len; i++)
    {
      Node *n = g_ptr_array_index (order, i);
      n->far_t = n->far_f = FALSE;
    }

  /* Until every conditional jump fits in 8 bits: a jump to a RET too far
   * away goes to a copy of that RET placed as far ahead as it can reach
   * (an "island" later jumps can share); any other far target gets a JA
   * trampoline right after the jump. Positions are kept exact as code is
   * added; a jump checked before a later insertion may have been pushed
   * out of reach, hence the passes until nothing changes. */
  do
    {
      guint pos = 0;

      changed = FALSE;
      passes++;
      for (guint i = 0; i < order->len; i++)
        {
          Node *n = g_ptr_array_index (order, i);
          n->pos = pos;
          pos += node_size (n);
        }
      total = pos;

      /* (After many passes, stop placing islands: inline trampolines
       * always converge.) */
      for (guint i = 0; i < order->len && total <= 64 * SCMP_BPF_MAX_INSNS; i++)
        {
          Node *n = g_ptr_array_index (order, i);
          guint jpos;

          if (n->kind != NODE_TEST)
            continue;
          jpos = n->pos + (n->need_ld ? 1 : 0) + (n->need_and ? 1 : 0);
          for (int side = 0; side < 2; side++)
            {
              Node **target = side ? &n->f : &n->t;
              gboolean *far = side ? &n->far_f : &n->far_t;
              guint m, last = i, grow_from;
              Node *found = NULL;

              if (*far || (guint) (*target)->pos - (jpos + 1) <= 255)
                continue;
              changed = TRUE;

              if ((*target)->kind == NODE_RET && passes < 32)
                {
                  /* A copy already within reach, or else a spot in reach
                   * with room to spare, so that code added in between
                   * later does not push the new copy out of reach again. */
                  for (m = i + 1; m < order->len; m++)
                    {
                      Node *o = g_ptr_array_index (order, m);

                      if ((guint) o->pos > jpos + 256)
                        break;
                      if (o->kind == NODE_RET && o->k == (*target)->k)
                        {
                          found = o;
                          break;
                        }
                      if ((guint) o->pos <= jpos + 256 - ISLAND_SLACK)
                        last = m;
                    }
                  if (found != NULL)
                    {
                      *target = found;
                      continue;
                    }
                }

              if ((*target)->kind == NODE_RET && passes < 32 && last > i)
                {
                  Node *copy = g_new0 (Node, 1);

                  copy->kind = NODE_RET;
                  copy->k = (*target)->k;
                  copy->pos = ((Node *) g_ptr_array_index (order, last))->pos;
                  g_ptr_array_add (islands, copy);
                  g_ptr_array_insert (order, last, copy);
                  *target = copy;
                  grow_from = last + 1;
                }
              else
                {
                  *far = TRUE;
                  grow_from = i + 1;
                }

              /* Everything after the new instruction moves by one. */
              for (m = grow_from; m < order->len; m++)
                ((Node *) g_ptr_array_index (order, m))->pos++;
              total++;
            }
        }
    }
  while (changed && total <= 64 * SCMP_BPF_MAX_INSNS);

  if (total > SCMP_BPF_MAX_INSNS)
    {
      g_set_error (error, SCMP_ERROR, SCMP_ERROR_TOO_LARGE,
                   "The compiled filter has %u instructions, more than the "
                   "kernel's limit of %d", total, SCMP_BPF_MAX_INSNS);
      return FALSE;
    }

  for (guint i = 0; i < order->len; i++)
    {
      Node *n = g_ptr_array_index (order, i);
      guint jpos, tramp;
      guint8 jt, jf;

      g_assert (insns->len == (guint) n->pos);

      if (n->kind == NODE_RET)
        {
          struct sock_filter ret = BPF_STMT (BPF_RET | BPF_K, n->k);
          g_array_append_val (insns, ret);
          if (n->k == SECCOMP_RET_USER_NOTIF)
            program->uses_notify = TRUE;
          continue;
        }

      if (n->need_ld)
        {
          struct sock_filter ld = BPF_STMT (BPF_LD | BPF_W | BPF_ABS, n->off);
          g_array_append_val (insns, ld);
        }
      if (n->need_and)
        {
          struct sock_filter and = BPF_STMT (BPF_ALU | BPF_AND | BPF_K, n->mask);
          g_array_append_val (insns, and);
        }

      jpos = insns->len;
      tramp = jpos + 1;
      jt = n->far_t ? (guint8) (tramp++ - (jpos + 1)) : (guint8) (n->t->pos - (jpos + 1));
      jf = n->far_f ? (guint8) (tramp - (jpos + 1)) : (guint8) (n->f->pos - (jpos + 1));
      {
        struct sock_filter j = BPF_JUMP (BPF_JMP | n->jop | BPF_K, n->k, jt, jf);
        g_array_append_val (insns, j);
      }
      for (int side = 0; side < 2; side++)
        {
          Node *target = side ? n->f : n->t;

          if (!(side ? n->far_f : n->far_t))
            continue;
          if (target->kind == NODE_RET)
            {
              /* A copy of the RET costs what a JA costs, and runs shorter. */
              struct sock_filter ret = BPF_STMT (BPF_RET | BPF_K, target->k);
              g_array_append_val (insns, ret);
            }
          else
            {
              struct sock_filter ja = BPF_STMT (BPF_JMP | BPF_JA, target->pos - (insns->len + 1));
              g_array_append_val (insns, ja);
            }
        }
    }

  program->n_insns = insns->len;
  program->insns = (struct sock_filter *) g_array_free (g_steal_pointer (&insns), FALSE);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Whole program                                                       */
/* ------------------------------------------------------------------ */

typedef struct {
  ArchDecisions *ads;
  gsize n;
} Decisions;

static void
decisions_clear (Decisions *d)
{
  for (gsize i = 0; i < d->n; i++)
    arch_decisions_clear (&d->ads[i]);
  g_clear_pointer (&d->ads, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Decisions, decisions_clear)

static void
decisions_build (Decisions              *d,
                 const ScmpCompileInput *input)
{
  guint n_rules = input->rules->len;
  g_autofree RuleView *rules = g_new (RuleView, MAX (n_rules, 1));

  for (guint r = 0; r < n_rules; r++)
    {
      ScmpRule *rule = g_ptr_array_index (input->rules, r);

      rules[r].idx = _scmp_rule_get_syscall_index (rule);
      rules[r].action = scmp_action_get_kernel_value (scmp_rule_get_action (rule));
      rules[r].conds = _scmp_rule_get_conditions (rule, &rules[r].n_conds);
    }

  d->n = input->n_arches;
  d->ads = g_new0 (ArchDecisions, input->n_arches);
  for (gsize i = 0; i < input->n_arches; i++)
    arch_decisions_build (&d->ads[i], input->arches[i], input, rules, n_rules);
}

static gboolean
check_input (const ScmpCompileInput  *input,
             GError                 **error)
{
  if (input->n_arches == 0)
    {
      g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARCHITECTURE,
                   "The filter covers no architecture: add one before compiling it");
      return FALSE;
    }
  if (!scmp_action_validate (input->default_action, error))
    return FALSE;
  if (!scmp_action_validate (input->bad_arch_action, error))
    return FALSE;
  return TRUE;
}

/* The search over nr that leads to each range's node. */
static Node *
number_tree (Dag        *dag,
             GArray     *ranges,
             CompileMode mode)
{
  Range *r = (Range *) (void *) ranges->data;

  if (mode == MODE_NAIVE)
    return range_tree_balanced (dag, SCMP_BPF_OFF_NR, r, ranges->len);
  return range_tree (dag, SCMP_BPF_OFF_NR, r, ranges->len);
}

static ScmpProgram *
compile_decisions (const ScmpCompileInput  *input,
                   Decisions               *decisions_in,
                   CompileMode              mode,
                   GError                 **error)
{
  Decisions decisions = *decisions_in;
  g_autoptr(ScmpProgram) program = g_new0 (ScmpProgram, 1);
  Dag dag;
  Node *bad_arch, *root;
  guint32 skip_value;
  gboolean ok;

  dag_init (&dag);
  dag.mode = mode;
  program->big_endian = _scmp_arch_get_info (input->arches[0])->big_endian;
  bad_arch = node_ret (&dag, scmp_action_get_kernel_value (input->bad_arch_action));
  skip_value = input->allow_tracer_skip ? SECCOMP_RET_ALLOW
                                        : scmp_action_get_kernel_value (input->default_action);

  /* Dispatch on arch, last arch first so that the first added is tested
   * first. x86_64 and x32 share one audit token and split the numbers. */
  root = bad_arch;
  for (gsize i = decisions.n; i-- > 0; )
    {
      ArchDecisions *ad = &decisions.ads[i];
      ArchDecisions *partner = NULL;
      g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (Range));
      gboolean is_x32 = ad->info->arch == SCMP_ARCHITECTURE_X32;
      Node *skip;

      /* Handle the x86_64 token once, at the first of the pair in order. */
      for (gsize j = 0; j < decisions.n; j++)
        if (j != i && decisions.ads[j].info->audit_arch == ad->info->audit_arch)
          partner = &decisions.ads[j];
      if (partner != NULL && partner < ad)
        continue;

      skip = node_ret (&dag, skip_value);
      if (ad->info->audit_arch == 0xc000003e)
        {
          ArchDecisions *x86_64 = is_x32 ? partner : ad;
          ArchDecisions *x32 = is_x32 ? ad : partner;

          if (x86_64 != NULL && x32 != NULL && mode != MODE_NAIVE)
            {
              g_autoptr(GArray) native = g_array_new (FALSE, FALSE, sizeof (Range));

              /* Both ABIs: the x32 bit is tested first, then each side
               * searches its own numbers (two small trees are much
               * cheaper to plan than one). A side never sees the
               * quarters of the 32-bit space where the bit has the other
               * value: they fall into whatever range precedes them. */
              ranges_add_arch (native, &dag, x86_64, 0, X32_BIT - 1, input);
              ranges_add_arch (native, &dag, x86_64, 2 * X32_BIT, 3 * X32_BIT - 1, input);
              ranges_add_arch (ranges, &dag, x32, X32_BIT, 2 * X32_BIT - 1, input);
              ranges_add_arch (ranges, &dag, x32, 3 * X32_BIT, NR_SKIP - 1, input);
              ranges_add (ranges, NR_SKIP, skip, 0);
              root = node_test (&dag, SCMP_BPF_OFF_ARCH, WORD_ALL, BPF_JEQ, ad->info->audit_arch,
                                node_test (&dag, SCMP_BPF_OFF_NR, WORD_ALL, BPF_JSET, X32_BIT,
                                           number_tree (&dag, ranges, mode),
                                           number_tree (&dag, native, mode)),
                                root);
              continue;
            }

          /* One of them (or the naive compile): the x32 bit decides,
           * wherever it sits in the 32-bit space: 0x4…, 0x7… and
           * 0xc…–0xf… are x32 numbers, the rest x86_64. */
          for (guint32 quarter = 0; quarter < 4; quarter++)
            {
              guint32 from = quarter << 30;
              guint32 to = quarter == 3 ? NR_SKIP - 1 : from + (X32_BIT - 1);
              ArchDecisions *owner = (from & X32_BIT) ? x32 : x86_64;

              if (owner != NULL)
                ranges_add_arch (ranges, &dag, owner, from, to, input);
              else
                ranges_add (ranges, from, bad_arch, 0);
            }
        }
      else
        ranges_add_arch (ranges, &dag, ad, 0, NR_SKIP - 1, input);
      ranges_add (ranges, NR_SKIP, skip, 0);

      root = node_test (&dag, SCMP_BPF_OFF_ARCH, WORD_ALL, BPF_JEQ, ad->info->audit_arch,
                        number_tree (&dag, ranges, mode), root);
    }

  ok = emit_program (root, program, error);
  dag_clear (&dag);
  if (!ok)
    return NULL;
  return g_steal_pointer (&program);
}

ScmpProgram *
_scmp_compiler_compile (const ScmpCompileInput  *input,
                        GError                 **error)
{
  g_auto(Decisions) decisions = { NULL, 0 };
  g_autoptr(GError) local_error = NULL;
  ScmpProgram *program;

  if (!check_input (input, error))
    return NULL;
  decisions_build (&decisions, input);

  /* Search trees run faster but take more room: when the program does
   * not fit, fall back to plain chains before giving up. */
  program = compile_decisions (input, &decisions, MODE_FAST, &local_error);
  if (program == NULL && g_error_matches (local_error, SCMP_ERROR, SCMP_ERROR_TOO_LARGE))
    {
      g_clear_error (&local_error);
      program = compile_decisions (input, &decisions, MODE_COMPACT, &local_error);
    }
  if (program == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return program;
}

ScmpProgram *
_scmp_compiler_compile_naive (const ScmpCompileInput  *input,
                              GError                 **error)
{
  g_auto(Decisions) decisions = { NULL, 0 };

  if (!check_input (input, error))
    return NULL;
  decisions_build (&decisions, input);
  return compile_decisions (input, &decisions, MODE_NAIVE, error);
}

void
_scmp_program_free (ScmpProgram *program)
{
  if (program == NULL)
    return;
  g_free (program->insns);
  g_free (program);
}

/* ------------------------------------------------------------------ */
/* PFC: readable pseudo code                                           */
/* ------------------------------------------------------------------ */

static void
pfc_action (GString *out,
            guint32  value)
{
  g_autoptr(ScmpAction) action = scmp_action_new_from_kernel_value (value, NULL);
  g_autofree char *s = action != NULL ? scmp_action_to_string (action) : g_strdup_printf ("0x%08x", value);

  g_string_append_printf (out, "action %s;\n", s);
}

/* "$a1", or "$a0.s32" where the kernel reads fewer bits than 64 or a
 * signed number; a signed datum is shown with its sign. */
static void
pfc_condition (GString       *out,
               const ArgCond *c)
{
  guint64 datum = c->datum;
  gboolean negative = c->is_signed && (datum >> (c->bits - 1)) != 0;

  g_string_append_printf (out, c->op == SCMP_COMPARE_OP_MASKED_EQ ? "($a%u" : "$a%u", c->arg);
  if (c->bits < 64 || c->is_signed)
    g_string_append_printf (out, ".%c%u", c->is_signed ? 's' : 'u', c->bits);
  if (c->op == SCMP_COMPARE_OP_MASKED_EQ)
    g_string_append_printf (out, " & 0x%" G_GINT64_MODIFIER "x) ==", c->mask);
  else
    g_string_append_printf (out, " %s", op_symbol (c->op));
  if (negative)
    datum = (bits_mask (c->bits) ^ datum) + 1;
  g_string_append_printf (out, " %s0x%" G_GINT64_MODIFIER "x", negative ? "-" : "", datum);
}

char *
_scmp_compiler_pfc (const ScmpCompileInput  *input,
                    GError                 **error)
{
  g_auto(Decisions) decisions = { NULL, 0 };
  GString *out;

  if (!check_input (input, error))
    return NULL;
  decisions_build (&decisions, input);

  out = g_string_new ("# scmp-glib pseudo filter code\n");
  for (gsize i = 0; i < decisions.n; i++)
    {
      ArchDecisions *ad = &decisions.ads[i];
      guint n_sys;
      const guint16 *by_nr = _scmp_arch_syscalls_by_nr (ad->info->arch, &n_sys);

      g_string_append_printf (out, "if ($arch == 0x%08x) # %s\n", ad->info->audit_arch, ad->info->name);
      if (ad->info->arch == SCMP_ARCHITECTURE_X32)
        g_string_append (out, "  # only numbers with the x32 bit (0x40000000) set\n");
      else if (ad->info->arch == SCMP_ARCHITECTURE_X86_64)
        g_string_append (out, "  # only numbers without the x32 bit (0x40000000) set\n");
      g_string_append (out, "  if ($syscall == -1) # a tracer skipped the call\n    ");
      pfc_action (out, input->allow_tracer_skip ? SECCOMP_RET_ALLOW
                                                : ad->default_action);

      for (guint s = 0; s < n_sys; s++)
        {
          const Decision *d = &ad->by_name[by_nr[s]];

          if (d->n == 0)
            continue;
          g_string_append_printf (out, "  if ($syscall == %d) # %s\n",
                                  _scmp_syscall_number (by_nr[s], ad->info->arch),
                                  _scmp_syscall_name (by_nr[s]));
          for (guint c = 0; c < d->n; c++)
            {
              const Clause *cl = &d->clauses[c];

              g_string_append (out, "    ");
              if (cl->n_conds > 0)
                {
                  g_string_append (out, "if (");
                  for (guint k = 0; k < cl->n_conds; k++)
                    {
                      if (k > 0)
                        g_string_append (out, " && ");
                      pfc_condition (out, &cl->conds[k]);
                    }
                  g_string_append (out, ") ");
                }
              pfc_action (out, cl->action);
            }
          if (d->clauses[d->n - 1].n_conds > 0)
            {
              g_string_append (out, "    ");
              pfc_action (out, ad->default_action);
            }
        }
      g_string_append (out, "  # any other syscall\n  ");
      pfc_action (out, ad->default_action);
    }
  g_string_append (out, "# any other architecture\n");
  pfc_action (out, scmp_action_get_kernel_value (input->bad_arch_action));
  return g_string_free (out, FALSE);
}
