#include "cli_common.h"
#include "commands.h"

namespace lstm::cli {

int runTrain(const QStringList &) { throw CliError{QStringLiteral("not implemented yet")}; }

} // namespace lstm::cli
