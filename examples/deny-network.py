#!/usr/bin/python3
# deny-network.py: refuse IPv4 and IPv6 sockets, keep everything else.
#
# SPDX-FileCopyrightText: 2026 The scmp-glib authors
# SPDX-License-Identifier: LGPL-2.1-or-later

import errno
import socket
import sys

import gi

gi.require_version("Scmp", "1.0")
from gi.repository import Scmp  # noqa: E402

allow = Scmp.Action.new_allow()
refuse = Scmp.Action.new_errno(errno.EAFNOSUPPORT)
flt = Scmp.Filter.new(allow)

for family in (socket.AF_INET, socket.AF_INET6):
    cond = Scmp.Condition.new(0, Scmp.CompareOp.EQ, family)
    flt.add_rule(Scmp.Rule.new_with_conditions("socket", refuse, [cond]))

print(flt.export_pfc())
verdict = flt.evaluate_syscall(Scmp.Architecture.NATIVE, "socket", [socket.AF_INET])
print("evaluate socket(AF_INET):", verdict.to_string())

flt.load()

try:
    socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sys.exit("socket(AF_INET) was not refused")
except OSError as e:
    if e.errno != errno.EAFNOSUPPORT:
        raise
    print("socket(AF_INET):", e.strerror + ", as the filter asks")

with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
    print("socket(AF_UNIX): fd", s.fileno(), "allowed")
