import KaoheCLI

// kaohe: the whole program is in KaoheCLI.
KaoheCLI.main()
