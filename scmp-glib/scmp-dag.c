/* scmp-dag.c: hash-consed nodes of word tests
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "scmp-dag-private.h"

/* Nodes are allocated in chunks: a compile makes thousands and frees them
 * all at once. */
#define NODE_CHUNK 256

static guint
node_hash (gconstpointer p)
{
  const ScmpNode *n = p;
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
  const ScmpNode *x = a, *y = b;

  return x->kind == y->kind && x->jop == y->jop && x->off == y->off &&
         x->mask == y->mask && x->k == y->k && x->t == y->t && x->f == y->f;
}

void
_scmp_dag_init (ScmpDag *dag)
{
  dag->nodes = g_hash_table_new (node_hash, node_equal);
  dag->chunks = g_ptr_array_new_with_free_func (g_free);
  dag->chunk_used = NODE_CHUNK;
  dag->n_nodes = 0;
  dag->last_ret = NULL;
}

void
_scmp_dag_clear (ScmpDag *dag)
{
  g_clear_pointer (&dag->nodes, g_hash_table_unref);
  g_clear_pointer (&dag->chunks, g_ptr_array_unref);
}

static ScmpNode *
dag_intern (ScmpDag  *dag,
            ScmpNode *proto)
{
  ScmpNode *found = g_hash_table_lookup (dag->nodes, proto);

  if (found != NULL)
    return found;
  if (dag->chunk_used == NODE_CHUNK)
    {
      g_ptr_array_add (dag->chunks, g_new (ScmpNode, NODE_CHUNK));
      dag->chunk_used = 0;
    }
  found = (ScmpNode *) g_ptr_array_index (dag->chunks, dag->chunks->len - 1) + dag->chunk_used++;
  *found = *proto;
  found->id = dag->n_nodes++;
  g_hash_table_add (dag->nodes, found);
  return found;
}

/* The RET of @value, made if it is new. */
ScmpNode *
_scmp_dag_intern_ret (ScmpDag *dag,
                      guint32  value)
{
  ScmpNode proto = { .kind = SCMP_NODE_RET, .k = value };

  return dag_intern (dag, &proto);
}

ScmpNode *
_scmp_dag_test (ScmpDag  *dag,
                guint32   off,
                guint32   mask,
                guint16   jop,
                guint32   k,
                ScmpNode *t,
                ScmpNode *f)
{
  ScmpNode proto = { .kind = SCMP_NODE_TEST };

  if (jop == BPF_JSET)
    {
      k &= mask;
      mask = SCMP_WORD_ALL;
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
  if (jop == BPF_JGT && k == SCMP_WORD_ALL)
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

