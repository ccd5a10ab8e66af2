// Entry points of the fuzz executables (see FuzzMain.c).
int FuzzCSV_main(int argc, char **argv);
int FuzzCriteria_main(int argc, char **argv);
int FuzzLoad_main(int argc, char **argv);
int FuzzCLI_main(int argc, char **argv);
int FuzzWorkbook_main(int argc, char **argv);
