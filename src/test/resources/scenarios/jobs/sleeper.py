"""Hangs with a child process (as spark-submit leaves a driver): the timeout must kill both."""
import subprocess
import sys
import time

marker = sys.argv[1]
subprocess.Popen([sys.executable, "-c", "import time; time.sleep(300)", marker])
print("sleeping", flush=True)
time.sleep(300)
