/* scmp-dag-private.h: the program as a DAG of 32-bit word tests
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * What the lowering stages build and emission lays out (see
 * scmp-compiler.c). A node is what it decides and nothing else: a RET of
 * a value, or "if ((word(off) & mask) <jop> k) t else f". Nodes are
 * hash-consed, so that identical rule bodies — within one ABI or across
 * ABIs — are one node, and a node is never changed once made.
 */

#pragma once

#include <glib.h>
#include <linux/filter.h>

G_BEGIN_DECLS

/* A word ANDed with this is itself: the mask of a test without an AND. */
#define SCMP_WORD_ALL 0xffffffffu

typedef enum {
  SCMP_NODE_RET,
  SCMP_NODE_TEST,
} ScmpNodeKind;

typedef struct _ScmpNode ScmpNode;
struct _ScmpNode {
  ScmpNodeKind kind;
  guint16      jop;          /* BPF_JEQ, BPF_JGT, BPF_JGE, BPF_JSET */
  guint32      off;          /* word of seccomp_data tested */
  guint32      mask;         /* ANDed before the test; SCMP_WORD_ALL for none */
  guint32      k;            /* jump constant, or the RET value */
  ScmpNode    *t, *f;

  guint        id;           /* 0, 1, 2… in the order nodes were made: an
                                index for what later stages keep per node */
};

typedef struct {
  GHashTable *nodes;         /* ScmpNode* set (hash-consing) */
  GPtrArray  *chunks;        /* (element-type ScmpNode[]) the nodes' storage */
  guint       chunk_used;
  guint       n_nodes;
  ScmpNode   *last_ret;      /* the RET last asked for: most syscalls of a
                                filter end in the same one or two */
} ScmpDag;

void      _scmp_dag_init  (ScmpDag  *dag);
void      _scmp_dag_clear (ScmpDag  *dag);

ScmpNode *_scmp_dag_intern_ret (ScmpDag *dag,
                                guint32  value);

/* RET @value. (Inline: asked for once per syscall of every ABI, and
 * mostly the same one or two.) */
static inline ScmpNode *
_scmp_dag_ret (ScmpDag *dag,
               guint32  value)
{
  if (dag->last_ret == NULL || dag->last_ret->k != value)
    dag->last_ret = _scmp_dag_intern_ret (dag, value);
  return dag->last_ret;
}

/* if ((word(off) & mask) <jop> k) t else f, folded where the outcome is
 * known without a test (a mask of 0, a JEQ with bits outside the mask,
 * t == f, …). */
ScmpNode *_scmp_dag_test  (ScmpDag  *dag,
                           guint32   off,
                           guint32   mask,
                           guint16   jop,
                           guint32   k,
                           ScmpNode *t,
                           ScmpNode *f);

G_END_DECLS
