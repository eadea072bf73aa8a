#pragma once
// Shared plumbing of lstm-explorer-cli subcommands: option parsing, one-line errors, model loading, JSON output.
#include "common/problem.h"
#include "model/model.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <optional>
#include <string>
#include <vector>

namespace lstm::cli {

// Exit codes: 0 success, 1 bad input (file, text, values), 2 wrong usage (unknown option, missing argument).
enum ExitCode { kOk = 0, kBadInput = 1, kUsage = 2 };

// Thrown by the helpers below; main() prints "lstm-explorer-cli <command>: <message>" on stderr and exits.
struct CliError {
  QString message;
  int exitCode = kBadInput;
};

// The CLI's wording of a problem: the English source sentence of its code (the one place the CLI words one).
QString problemMessage(const Problem &problem);
// A CliError (bad input) carrying problemMessage(problem).
CliError problemError(const Problem &problem);

// Parses `arguments` (the subcommand's, starting with its name) and handles --help. `positional` lists the
// positional argument names the command requires.
void parseOrThrow(QCommandLineParser &parser, const QStringList &arguments, const QString &description,
                  const QStringList &positional);

int intOption(const QCommandLineParser &parser, const QString &name, int fallback, int minimum, int maximum);
double doubleOption(const QCommandLineParser &parser, const QString &name, double fallback);

Model loadModelOrThrow(const QString &path);
// Token ids of `text` in the model's vocabulary; an unknown character is an error naming it and its position.
std::vector<std::int32_t> tokenizeOrThrow(const Model &model, const QString &text, const QString &what);

void writeStdout(const std::string &text); // all at once, with a final newline
void writeStdout(const QString &text);

} // namespace lstm::cli
