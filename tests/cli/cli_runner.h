#pragma once
// Runs the real lstm-explorer-cli binary (LSTM_CLI_PATH, set by tests/CMakeLists.txt) and captures its exit
// code, stdout and stderr. Blocking; call from the test thread only.
#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace lstm::test {

struct CliRun {
  bool exitedNormally = false; // started, finished within the timeout, did not crash
  int exitCode = -1;
  QByteArray out;
  QByteArray err;

  // "exit 1, stderr: …" for failure messages.
  QString describe() const {
    return QStringLiteral("exited normally %1, exit code %2, stderr: %3")
        .arg(exitedNormally ? QStringLiteral("yes") : QStringLiteral("no"))
        .arg(exitCode)
        .arg(QString::fromUtf8(err));
  }
};

// Runs `program` with `arguments` and an empty stdin; kills it after `timeoutMs`.
inline CliRun runProgram(const QString &program, const QStringList &arguments, int timeoutMs = 180000) {
  QProcess process;
  process.setProgram(program);
  process.setArguments(arguments);
  process.start();
  CliRun run;
  if (!process.waitForStarted(timeoutMs))
    return run;
  process.closeWriteChannel();
  const bool finished = process.waitForFinished(timeoutMs);
  if (!finished) {
    process.kill();
    process.waitForFinished(timeoutMs);
  }
  run.exitedNormally = finished && process.exitStatus() == QProcess::NormalExit;
  run.exitCode = process.exitCode();
  run.out = process.readAllStandardOutput();
  run.err = process.readAllStandardError();
  return run;
}

inline QString cliPath() { return QStringLiteral(LSTM_CLI_PATH); }

inline CliRun runCli(const QStringList &arguments) { return runProgram(cliPath(), arguments); }

} // namespace lstm::test
