from dolmetsch.cli import main

main()
