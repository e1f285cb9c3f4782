#!/usr/bin/python3
# oci-bwrap.py: a Docker/OCI seccomp profile, applied to a child of bwrap.
#
# SPDX-FileCopyrightText: 2026 The scmp-glib authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# The profile is read as Docker reads it for a container without
# CAP_SYS_ADMIN; the filter it gives is an ordinary Scmp.Filter.

import gi
gi.require_version('Scmp', '1.0')
from gi.repository import Gio, Scmp  # noqa: E402

PROFILE = '''{
  "defaultAction": "SCMP_ACT_ALLOW",
  "syscalls": [
    { "names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_ERRNO", "errnoRet": 13 },
    { "names": ["mount", "umount2"], "action": "SCMP_ACT_ERRNO",
      "excludes": { "caps": ["CAP_SYS_ADMIN"] } }
  ]
}'''

profile = Scmp.OciProfile(capabilities=['CAP_NET_BIND_SERVICE'])
profile.load_from_data(PROFILE.encode())
for warning in profile.get_warnings():
    print('warning:', warning)
flt = profile.props.filter

# mount is refused for this container (no CAP_SYS_ADMIN), with EPERM, the
# errno runc uses when the profile gives none.
mount = flt.evaluate_syscall(Scmp.Architecture.NATIVE, 'mount', [0] * 5).to_string()
print('mount:', mount)
assert mount == 'errno(1)', mount

launcher = Gio.SubprocessLauncher.new(Gio.SubprocessFlags.STDERR_PIPE)
launcher.setenv('LC_ALL', 'C', True)
launcher.take_fd(flt.export_bpf_memfd(), 10)
child = launcher.spawnv(['bwrap', '--ro-bind', '/', '/', '--dev', '/dev',
                         '--tmpfs', '/tmp', '--seccomp', '10',
                         '--', 'mkdir', '/tmp/made-by-the-child'])
_, _, err = child.communicate_utf8(None, None)

# errnoRet 13 is EACCES: "Permission denied".
print('child:', err.strip())
assert child.get_if_exited() and child.get_exit_status() == 1, err
assert 'Permission denied' in err, err
