// Training from the window vs the command line: tokens/s of a run started with the Training panel's
// Train button against the same run through `lstm-explorer-cli train --json-progress` (they should agree within a
// few percent), and how responsive the GUI stays meanwhile: the lateness of a 5 ms precise timer and the round
// trip of a posted event, idle first (the baseline), then while training. GUI and CLI runs alternate so drift in
// the machine's load hits both. Run offscreen:
//   QT_QPA_PLATFORM=offscreen build/bench/tests/bench/training_bench [--repeats 2] [--screenshot FILE] [--help]
#include "common/dialogs.h"
#include "main_window.h"
#include "training/training_controller.h"
#include "training/training_panel.h"
#include "training/training_settings_form.h"
#include "latency_probe.h"

#include <QApplication>
#include <QStandardPaths>
#include <QCheckBox>
#include <QCommandLineParser>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <vector>

using namespace lstm;
using namespace lstm::bench;

namespace {

constexpr int kRunTimeoutMs = 3600 * 1000;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct RunSettings {
  QString corpus;
  int layers, hidden, embed, seq, batch, iters, eval, threads, seed;
};

QString number(double value, int decimals) {
  return std::isnan(value) ? QStringLiteral("—") : QString::number(value, 'f', decimals);
}

// The 1-minute load average: other processes on the machine skew both sides of the comparison.
QString loadAverage() {
  QFile file(QStringLiteral("/proc/loadavg"));
  return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll().split(' ').value(0)) : QStringLiteral("?");
}


LatencyStats idleLatency(int ms) {
  // A real event loop: QTest::qWait sleeps between its processEvents calls, which would read as lateness.
  LatencyProbe probe;
  QEventLoop loop;
  QTimer::singleShot(ms, &loop, &QEventLoop::quit);
  probe.start();
  loop.exec();
  probe.stop();
  return probe.stats();
}

struct RunResult {
  bool ok = false;
  double tokensPerSecond = kNaN;
  double validationLoss = kNaN; // same seed and threads ⇒ identical weights: GUI and CLI must agree exactly
  double wallSeconds = kNaN;
  double clickMs = kNaN;        // GUI only: the Train click's handler (the worker builds the trainer)
  double finishMs = kNaN;       // GUI only: last progress → finished handled (incl. exploring the trained model)
  LatencyStats latency;         // GUI only, from the click to the last progress
};

bool applySettings(TrainingPanel *panel, const RunSettings &s) {
  const std::pair<const char *, int> values[] = {
      {"layersSpin", s.layers}, {"hiddenSpin", s.hidden}, {"embedSpin", s.embed}, {"seqSpin", s.seq},
      {"batchSpin", s.batch},   {"itersSpin", s.iters},   {"evalSpin", s.eval},   {"threadsSpin", s.threads},
      {"seedSpin", s.seed}};
  for (const auto &[name, value] : values) {
    auto *spin = panel->findChild<QSpinBox *>(QLatin1String(name));
    if (!spin) {
      std::fprintf(stderr, "no QSpinBox named %s in the training panel\n", name);
      return false;
    }
    spin->setValue(value);
    if (spin->value() != value) {
      std::fprintf(stderr, "%s refused %d (range %d…%d)\n", name, value, spin->minimum(), spin->maximum());
      return false;
    }
  }
  return true;
}

// `screenshot`: a PNG of the window half-way through, described in *note.
RunResult runGui(MainWindow &window, TrainingPanel *panel, const RunSettings &s, const QString &screenshot,
                 QString *note) {
  RunResult run;
  if (!applySettings(panel, s))
    return run;
  auto *dock = window.findChild<QDockWidget *>(QStringLiteral("trainingDock"));
  if (dock)
    dock->raise(); // someone who presses Train is looking at the panel: its plot and bar redraw as they would
  auto *button = panel->findChild<QPushButton *>(QStringLiteral("trainButton"));
  if (!button || !button->isEnabled()) {
    std::fprintf(stderr, "Train button missing or disabled: %s\n", qPrintable(panel->settings()->message()));
    return run;
  }
  QObject context;
  LatencyProbe probe;
  TrainingProgress last;
  QElapsedTimer wall, sinceLast;
  bool shot = screenshot.isEmpty();
  QObject::connect(panel->controller(), &TrainingController::progress, &context, [&](const TrainingProgress &p) {
    last = p;
    probe.setTag(p.iteration);
    sinceLast.start();
    if (p.iteration >= p.totalIterations)
      probe.stop(); // training is over; what follows is the end-of-run handling, timed separately
    if (!shot && 2 * p.iteration >= p.totalIterations) {
      shot = true;
      probe.stop(); // the grab blocks the loop on purpose; keep it out of the figures
      if (dock)
        dock->raise();
      window.flushRedraws();
      const bool saved = window.grab().save(screenshot);
      *note = QStringLiteral("screenshot at iteration %1/%2: %3%4")
                  .arg(p.iteration)
                  .arg(p.totalIterations)
                  .arg(screenshot, saved ? QString() : QStringLiteral(" (NOT saved)"));
      probe.start();
    }
  });
  QSignalSpy finished(panel->controller(), &TrainingController::finished);
  wall.start();
  probe.start();
  QTest::mouseClick(button, Qt::LeftButton);
  run.clickMs = double(wall.nsecsElapsed()) / 1e6;
  if (finished.isEmpty() && !finished.wait(kRunTimeoutMs)) {
    std::fprintf(stderr, "the GUI run did not finish within %d s\n", kRunTimeoutMs / 1000);
    return run;
  }
  probe.stop();
  run.wallSeconds = double(wall.nsecsElapsed()) / 1e9;
  run.finishMs = sinceLast.isValid() ? double(sinceLast.nsecsElapsed()) / 1e6 : kNaN;
  const auto outcome = finished.at(0).at(0).value<TrainingOutcome>();
  if (outcome != TrainingOutcome::Finished)
    std::fprintf(stderr, "the GUI run ended early: %s\n", qPrintable(finished.at(0).at(1).toString()));
  run.ok = outcome == TrainingOutcome::Finished;
  run.tokensPerSecond = last.tokensPerSecond;
  run.validationLoss = last.validationLoss;
  run.latency = probe.stats();
  return run;
}

RunResult runCli(const QString &cli, const RunSettings &s) {
  RunResult run;
  QTemporaryDir dir;
  const auto n = [](int value) { return QString::number(value); };
  QProcess process;
  process.setProgram(cli);
  process.setArguments({QStringLiteral("train"), QStringLiteral("--corpus"), s.corpus, QStringLiteral("--out"),
                        dir.filePath(QStringLiteral("bench.lstm")), QStringLiteral("--layers"), n(s.layers),
                        QStringLiteral("--hidden"), n(s.hidden), QStringLiteral("--embed"), n(s.embed),
                        QStringLiteral("--seq"), n(s.seq), QStringLiteral("--batch"), n(s.batch),
                        QStringLiteral("--iters"), n(s.iters), QStringLiteral("--eval-every"), n(s.eval),
                        QStringLiteral("--threads"), n(s.threads), QStringLiteral("--seed"), n(s.seed),
                        QStringLiteral("--json-progress")});
  QElapsedTimer wall;
  wall.start();
  process.start();
  if (!process.waitForStarted() || !process.waitForFinished(kRunTimeoutMs)) {
    std::fprintf(stderr, "%s: %s\n", qPrintable(cli), qPrintable(process.errorString()));
    return run;
  }
  run.wallSeconds = double(wall.nsecsElapsed()) / 1e9;
  if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
    std::fprintf(stderr, "the CLI run failed (exit %d):\n%s\n", process.exitCode(), process.readAllStandardError().constData());
    return run;
  }
  // The last progress line carries the run's tokens/s; the closing {"done":true,…} line has none.
  for (const QByteArray &line : process.readAllStandardOutput().split('\n')) {
    const QJsonObject object = QJsonDocument::fromJson(line).object();
    if (object.contains(QStringLiteral("tokens_per_s"))) {
      run.tokensPerSecond = object.value(QStringLiteral("tokens_per_s")).toDouble();
      run.validationLoss = object.value(QStringLiteral("val_loss")).toDouble(kNaN);
      run.ok = true;
    }
  }
  if (!run.ok)
    std::fprintf(stderr, "the CLI printed no progress line with tokens_per_s\n");
  return run;
}

// QString widths count characters, so "—" keeps the columns straight where printf's byte widths would not.
QString row(const QStringList &cells) {
  static const int widths[] = {-11, 9, 7, 9, 6, 6, 5};
  QString line;
  for (int i = 0; i < cells.size(); ++i)
    line += (i < 7 ? QStringLiteral("%1").arg(cells[i], widths[i]) : cells[i]) + QLatin1Char(' ');
  return line;
}

void printRun(const QString &name, const RunResult &r) {
  const QString latency = r.latency.lateMs.empty() ? QStringLiteral("—") : r.latency.text();
  std::printf("%s\n", qPrintable(row({name, number(r.tokensPerSecond, 0), number(r.wallSeconds, 1),
                                       number(r.validationLoss, 6), number(r.clickMs, 0), number(r.finishMs, 0),
                                       loadAverage(), latency})));
  std::fflush(stdout);
}

void printHeader() {
  std::printf("%s\n", qPrintable(row({QStringLiteral("run"), QStringLiteral("tokens/s"), QStringLiteral("wall s"),
                                       QStringLiteral("val loss"), QStringLiteral("click"), QStringLiteral("end"),
                                       QStringLiteral("load"),
                                       QStringLiteral("timer late ms: med / p99 / max (n) @it    posted event ms: "
                                                      "med / max (n)")})));
}

} // namespace

int main(int argc, char **argv) {
  QApplication app(argc, argv);
  // The window as a new user first sees it (default layout), and no settings or recovery files in the user's own
  // folders.
  QStandardPaths::setTestModeEnabled(true);
  QCommandLineParser args;
  const auto option = [&](const char *name, const char *help, const char *fallback) {
    args.addOption({QLatin1String(name), QLatin1String(help), QStringLiteral("X"), QLatin1String(fallback)});
  };
  option("corpus", "Corpus file.", "/usr/share/games/fortunes/literature");
  option("layers", "LSTM layers.", "2");
  option("hidden", "Hidden units per layer.", "128");
  option("embed", "Embedding size (0 = one-hot).", "0");
  option("seq", "Sequence length T.", "64");
  option("batch", "Batch B.", "32");
  option("iters", "Iterations per run.", "300");
  option("eval", "Evaluate every K iterations.", "100");
  option("threads", "Trainer threads.", "2");
  option("seed", "Seed.", "1");
  option("repeats", "GUI/CLI pairs.", "2");
  option("idle-ms", "Idle baseline length in ms.", "2000");
  option("cli", "lstm-explorer-cli binary (default: <build>/app/lstm-explorer-cli).", "");
  args.addOption({QStringLiteral("screenshot"), QStringLiteral("PNG of the window half-way through the follow-mode run."),
                  QStringLiteral("FILE")});
  args.addHelpOption();
  args.process(app);
  const auto intValue = [&](const char *name) { return args.value(QLatin1String(name)).toInt(); };
  const RunSettings s{args.value(QStringLiteral("corpus")), intValue("layers"), intValue("hidden"), intValue("embed"),
                      intValue("seq"),  intValue("batch"),  intValue("iters"),  intValue("eval"),
                      intValue("threads"), intValue("seed")};
  const int repeats = std::max(1, intValue("repeats"));
  QString cli = args.value(QStringLiteral("cli"));
  if (cli.isEmpty())
    cli = QCoreApplication::applicationDirPath() + QStringLiteral("/../../app/lstm-explorer-cli");
  cli = QFileInfo(cli).absoluteFilePath();
  if (!QFileInfo(cli).isExecutable()) {
    std::fprintf(stderr, "no lstm-explorer-cli at %s (build it, or pass --cli PATH)\n", qPrintable(cli));
    return 1;
  }
  dialogs::setHooks({{}, {}, [](const QString &text) { std::fprintf(stderr, "error dialog: %s\n", qPrintable(text)); },
                     [](const QString &) { return dialogs::SaveChoice::Discard; }});
  QElapsedTimer total;
  total.start();

  MainWindow window;
  window.resize(1400, 900);
  window.show();
  window.openDefaultModel();
  auto *panel = window.findChild<TrainingPanel *>();
  if (!panel) {
    std::fprintf(stderr, "the window has no TrainingPanel\n");
    return 1;
  }
  QSignalSpy ready(panel, &TrainingPanel::corpusReady);
  panel->loadCorpusFile(s.corpus);
  if (!ready.wait(60000)) {
    std::fprintf(stderr, "the corpus %s did not load\n", qPrintable(s.corpus));
    return 1;
  }

#ifdef NDEBUG
  const char *asserts = "NDEBUG set";
#else
  const char *asserts = "asserts ON";
#endif
  const auto n = [](qint64 value) { return QString::number(value); };
  const QString settingsLine =
      QStringLiteral("%1 (%2 bytes), %3 layers x %4 hidden, %5, T %6, B %7, %8 iterations, eval every %9, ")
          .arg(QFileInfo(s.corpus).fileName(), n(QFileInfo(s.corpus).size()), n(s.layers), n(s.hidden),
               s.embed > 0 ? QStringLiteral("embedding %1").arg(s.embed) : QStringLiteral("one-hot input"), n(s.seq),
               n(s.batch), n(s.iters), n(s.eval)) +
      QStringLiteral("%1 threads, seed %2").arg(s.threads).arg(s.seed);
  const QString machineLine = QStringLiteral("%1 cores (QThread::idealThreadCount), build %2 (%3), Qt %4, cli %5")
                                  .arg(QThread::idealThreadCount())
                                  .arg(QStringLiteral(LSTM_BUILD_TYPE), QLatin1String(asserts),
                                       QLatin1String(qVersion()), cli);
  std::printf("settings: %s\nmachine:  %s\n\n", qPrintable(settingsLine), qPrintable(machineLine));
  printHeader();

  RunResult idle;
  idle.latency = idleLatency(intValue("idle-ms"));
  printRun(QStringLiteral("idle"), idle);

  std::vector<RunResult> guiRuns, cliRuns;
  QString screenshotNote;
  for (int i = 0; i < repeats; ++i) {
    guiRuns.push_back(runGui(window, panel, s, QString(), nullptr));
    printRun(QStringLiteral("GUI #%1").arg(i + 1), guiRuns.back());
    cliRuns.push_back(runCli(cli, s));
    printRun(QStringLiteral("CLI #%1").arg(i + 1), cliRuns.back());
    if (!guiRuns.back().ok || !cliRuns.back().ok)
      return 1;
  }

  auto *followCheck = panel->findChild<QCheckBox *>(QStringLiteral("followCheck"));
  RunResult follow;
  if (followCheck) {
    followCheck->setChecked(true);
    follow = runGui(window, panel, s, args.value(QStringLiteral("screenshot")), &screenshotNote);
    followCheck->setChecked(false);
    printRun(QStringLiteral("GUI+follow"), follow);
  } else {
    std::printf("GUI+follow  skipped: the training panel has no QCheckBox \"followCheck\" yet\n");
  }

  std::vector<double> guiRates, cliRates;
  bool sameWeights = !followCheck || follow.validationLoss == cliRuns.front().validationLoss;
  for (int i = 0; i < repeats; ++i) {
    guiRates.push_back(guiRuns[std::size_t(i)].tokensPerSecond);
    cliRates.push_back(cliRuns[std::size_t(i)].tokensPerSecond);
    sameWeights = sameWeights && guiRuns[std::size_t(i)].validationLoss == cliRuns.front().validationLoss &&
                  cliRuns[std::size_t(i)].validationLoss == cliRuns.front().validationLoss;
  }
  const double gui = median(guiRates), cmd = median(cliRates);
  std::printf("\nmedian tokens/s over %d runs each: GUI %.0f, CLI %.0f, GUI/CLI %.3f (%+.1f%%)\n", repeats, gui, cmd,
              gui / cmd, 100.0 * (gui / cmd - 1.0));
  if (followCheck && follow.ok)
    std::printf("GUI+follow / median GUI: %.3f\n", follow.tokensPerSecond / gui);
  std::printf("final validation loss %s in every run (same seed and threads ⇒ same weights)\n",
              sameWeights ? "identical" : "DIFFERS");
  if (!screenshotNote.isEmpty())
    std::printf("%s\n", qPrintable(screenshotNote));
  std::printf("click = ms in the Train button's handler; end = ms from the last progress to finished handled (the window "
              "then explores the trained model); load = 1-min load average after the run; @it = iteration last "
              "reported when the worst timeout fired (0 = before the first progress)\n");
  std::printf("total bench time %.0f s\n", double(total.nsecsElapsed()) / 1e9);
  return 0;
}
