#pragma once
// The subcommands of lstm-explorer-cli. Each takes its own arguments (first = the subcommand's name), returns
// the exit code, and throws CliError for bad input.
#include <QStringList>

namespace lstm::cli {

int runInfo(const QStringList &arguments);
int runTrace(const QStringList &arguments);
int runGrad(const QStringList &arguments);
int runImportPytorch(const QStringList &arguments);
int runBench(const QStringList &arguments);
int runTrain(const QStringList &arguments);
int runSample(const QStringList &arguments);
int runCorpus(const QStringList &arguments);

} // namespace lstm::cli
