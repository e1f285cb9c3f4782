/* scmp-emit.c: layout of the DAG, far jumps and RET islands, and the
 * instructions
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "scmp-emit-private.h"

#include "scmp-bpf-private.h"
#include "scmp-error.h"

#include <linux/seccomp.h>

/* A node as laid out: what the DAG node decides (its sides are slots
 * too), where it goes and what it needs around its jump. Islands are
 * slots of their own, with no DAG node behind them. */
typedef struct _Slot Slot;
struct _Slot {
  ScmpNodeKind kind;
  guint16      jop;
  guint32      off;
  guint32      mask;
  guint32      k;
  Slot        *t, *f;

  guint8       in_state;      /* what predecessors leave in A: */
  guint32      in_off;        /*   word(in_off) & in_mask when IN_KNOWN */
  guint32      in_mask;
  gboolean     need_ld;
  gboolean     need_and;
  gboolean     far_t, far_f;  /* jump side needs a trampoline */
  gint         pos;
};

enum { IN_UNSET, IN_KNOWN, IN_CONFLICT };

typedef struct {
  Slot      *pool;            /* one slot per DAG node reached */
  guint      used;
  Slot     **by_id;           /* [node id]: its slot, once reached */
  GPtrArray *post;            /* slots in postorder */
} Layout;

static Slot *
collect_postorder (Layout         *lay,
                   const ScmpNode *n)
{
  Slot *s = lay->by_id[n->id];

  if (s != NULL)
    return s;
  s = &lay->pool[lay->used++];
  lay->by_id[n->id] = s;
  s->kind = n->kind;
  s->jop = n->jop;
  s->off = n->off;
  s->mask = n->mask;
  s->k = n->k;
  if (n->kind == SCMP_NODE_TEST)
    {
      s->t = collect_postorder (lay, n->t);
      s->f = collect_postorder (lay, n->f);
    }
  g_ptr_array_add (lay->post, s);
  return s;
}

static guint
node_size (Slot *n)
{
  if (n->kind == SCMP_NODE_RET)
    return 1;
  return (n->need_ld ? 1 : 0) + (n->need_and ? 1 : 0) + 1 + (n->far_t ? 1 : 0) + (n->far_f ? 1 : 0);
}

/* Which loads and ANDs each test needs, given what its predecessors leave
 * in the accumulator: a test leaves word(off) & mask there, jumps and
 * trampolines keep it. @order is topological, so every predecessor of a
 * node is settled before the node itself. */
static void
compute_loads (GPtrArray *order,
               Slot      *root)
{
  for (guint i = 0; i < order->len; i++)
    {
      Slot *n = g_ptr_array_index (order, i);
      n->in_state = n == root ? IN_CONFLICT : IN_UNSET;
    }

  for (guint i = 0; i < order->len; i++)
    {
      Slot *n = g_ptr_array_index (order, i);

      if (n->kind != SCMP_NODE_TEST)
        continue;

      if (n->in_state == IN_KNOWN && n->in_off == n->off && n->in_mask == n->mask)
        n->need_ld = n->need_and = FALSE;
      else if (n->in_state == IN_KNOWN && n->in_off == n->off && n->in_mask == SCMP_WORD_ALL)
        {
          n->need_ld = FALSE;
          n->need_and = TRUE;
        }
      else
        {
          n->need_ld = TRUE;
          n->need_and = n->mask != SCMP_WORD_ALL;
        }

      for (int side = 0; side < 2; side++)
        {
          Slot *s = side ? n->f : n->t;

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

gboolean
_scmp_emit_program (const ScmpDag   *dag,
                    const ScmpNode  *root_node,
                    ScmpProgram     *program,
                    GError         **error)
{
  /* (Every field a slot's reader needs is written first: no zeroing.) */
  g_autofree Slot *pool = g_new (Slot, MAX (dag->n_nodes, 1));
  g_autofree Slot **by_id = g_new0 (Slot *, dag->n_nodes);
  g_autoptr(GPtrArray) post = g_ptr_array_new ();
  Layout lay = { pool, 0, by_id, post };
  Slot *root;
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GArray) insns = g_array_new (FALSE, TRUE, sizeof (struct sock_filter));
  g_autoptr(GPtrArray) islands = g_ptr_array_new_with_free_func (g_free);
  guint passes = 0;
  gboolean changed;
  guint total = 0;

  root = collect_postorder (&lay, root_node);
  for (guint i = post->len; i-- > 0; )
    g_ptr_array_add (order, g_ptr_array_index (post, i));

  compute_loads (order, root);
  for (guint i = 0; i < order->len; i++)
    {
      Slot *n = g_ptr_array_index (order, i);
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
          Slot *n = g_ptr_array_index (order, i);
          n->pos = pos;
          pos += node_size (n);
        }
      total = pos;

      /* (After many passes, stop placing islands: inline trampolines
       * always converge.) */
      for (guint i = 0; i < order->len && total <= 64 * SCMP_BPF_MAX_INSNS; i++)
        {
          Slot *n = g_ptr_array_index (order, i);
          guint jpos;

          if (n->kind != SCMP_NODE_TEST)
            continue;
          jpos = n->pos + (n->need_ld ? 1 : 0) + (n->need_and ? 1 : 0);
          for (int side = 0; side < 2; side++)
            {
              Slot **target = side ? &n->f : &n->t;
              gboolean *far = side ? &n->far_f : &n->far_t;
              guint m, last = i, grow_from;
              Slot *found = NULL;

              if (*far || (guint) (*target)->pos - (jpos + 1) <= 255)
                continue;
              changed = TRUE;

              if ((*target)->kind == SCMP_NODE_RET && passes < 32)
                {
                  /* A copy already within reach, or else a spot in reach
                   * with room to spare, so that code added in between
                   * later does not push the new copy out of reach again. */
                  for (m = i + 1; m < order->len; m++)
                    {
                      Slot *o = g_ptr_array_index (order, m);

                      if ((guint) o->pos > jpos + 256)
                        break;
                      if (o->kind == SCMP_NODE_RET && o->k == (*target)->k)
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

              if ((*target)->kind == SCMP_NODE_RET && passes < 32 && last > i)
                {
                  Slot *copy = g_new0 (Slot, 1);

                  copy->kind = SCMP_NODE_RET;
                  copy->k = (*target)->k;
                  copy->pos = ((Slot *) g_ptr_array_index (order, last))->pos;
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
                ((Slot *) g_ptr_array_index (order, m))->pos++;
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
      Slot *n = g_ptr_array_index (order, i);
      guint jpos, tramp;
      guint8 jt, jf;

      g_assert (insns->len == (guint) n->pos);

      if (n->kind == SCMP_NODE_RET)
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
          Slot *target = side ? n->f : n->t;

          if (!(side ? n->far_f : n->far_t))
            continue;
          if (target->kind == SCMP_NODE_RET)
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

