"""Run a command and check its exit status: expect_rc.py STATUS CMD [ARGS...].

Passes the command's stdout and stderr through (for FileCheck), and exits 0
when the status matched, 1 (with a message on stderr) when it did not. lit's
`not` only tells zero from non-zero; the CLI's contract has 0, 1 and 2.
"""
import subprocess
import sys

want = int(sys.argv[1])
p = subprocess.run(sys.argv[2:], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
sys.stdout.buffer.write(p.stdout)
sys.stderr.buffer.write(p.stderr)
if p.returncode != want:
    sys.stderr.write("expect_rc: exit status %d, expected %d\n" % (p.returncode, want))
    sys.exit(1)
