import sys

from newspith.cli import main

sys.exit(main())
