// How the explorer window holds up at scale: a 512-unit model, a 20 000-character text.
// Prints the priming time, the trace's memory and the process RSS, the play rate reached at 500 steps/s and the
// redraws per second of every view while playing, the worst event-loop stall, and the cost of hovering and of
// scrolling/zooming the heatmaps and the text. Run offscreen:
//   QT_QPA_PLATFORM=offscreen build/release/tests/bench/explorer_bench [--units 512] [--steps 20000] [--seconds 5]
#include "common/refresh_coalescer.h"
#include "explorer/explorer_session.h"
#include "explorer/gate_heatmap_view.h"
#include "explorer/text_view.h"
#include "main_window.h"
#include "ui_test_models.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QScrollBar>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <map>

using namespace lstm;

namespace {

double residentMiB() {
  QFile status(QStringLiteral("/proc/self/status"));
  if (!status.open(QIODevice::ReadOnly))
    return -1;
  for (const QByteArray &line : status.readAll().split('\n'))
    if (line.startsWith("VmRSS:"))
      return line.mid(6).trimmed().split(' ').front().toDouble() / 1024.0;
  return -1;
}

std::map<QString, long long> refreshCounts(MainWindow &window) {
  std::map<QString, long long> counts;
  for (RefreshCoalescer *coalescer : window.findChildren<RefreshCoalescer *>()) {
    QObject *owner = coalescer->parent();
    while (owner && !owner->objectName().endsWith(QStringLiteral("View")))
      owner = owner->parent();
    counts[owner ? owner->objectName() : QStringLiteral("other")] += coalescer->refreshCount();
  }
  return counts;
}

// Processes events for `ms` milliseconds, returning the longest gap between two turns of the event loop.
double runEventLoopFor(int ms) {
  QElapsedTimer clock, gap;
  clock.start();
  gap.start();
  double worst = 0;
  while (clock.elapsed() < ms) {
    QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    worst = std::max(worst, double(gap.nsecsElapsed()) / 1e6);
    gap.restart();
  }
  return worst;
}

} // namespace

int main(int argc, char **argv) {
  QApplication app(argc, argv);
  QCommandLineParser args;
  args.addOptions({{QStringLiteral("units"), QStringLiteral("Hidden units."), QStringLiteral("H"), QStringLiteral("512")},
                   {QStringLiteral("steps"), QStringLiteral("Characters read."), QStringLiteral("N"), QStringLiteral("20000")},
                   {QStringLiteral("seconds"), QStringLiteral("Play time measured."), QStringLiteral("S"), QStringLiteral("5")}});
  args.addHelpOption();
  args.process(app);
  const int units = args.value(QStringLiteral("units")).toInt();
  const int steps = args.value(QStringLiteral("steps")).toInt();
  const int seconds = args.value(QStringLiteral("seconds")).toInt();

  MainWindow window;
  window.resize(1600, 1000);
  window.show();
  QString text;
  const QString sentence = QStringLiteral("It was the best of times, it was the worst of times (and \"quoted\" words).\n");
  while (text.size() < steps + seconds * 500 + 1000)
    text += sentence;
  window.session()->setModel(test::randomCharModel(text, units, 1, 7, 2.0), QStringLiteral("bench"));
  const double rssBefore = residentMiB();
  QElapsedTimer clock;
  clock.start();
  window.prime(text, steps);
  const double primeSeconds = double(clock.nsecsElapsed()) / 1e9;
  window.flushRedraws();
  QCoreApplication::processEvents();
  const double traceMiB = double(steps) * units * 10 * 4 / (1024.0 * 1024.0);
  std::printf("model: 1 layer x %d units, vocabulary %d; text %d characters\n", units,
              window.session()->model().vocabulary.size(), steps);
  std::printf("prime (read %d steps): %.2f s, %.1f µs/step\n", steps, primeSeconds, primeSeconds * 1e6 / steps);
  std::printf("memory: trace %.0f MiB (10 quantities x steps x units x 4 B); process RSS %.0f MiB (was %.0f before priming)\n",
              traceMiB, residentMiB(), rssBefore);

  // Play at the top rate and count what the views redraw.
  ExplorerSession *session = window.session();
  session->setPlayRate(500);
  const auto countsBefore = refreshCounts(window);
  const int stepsBefore = session->steps();
  session->play();
  clock.restart();
  const double worstGap = runEventLoopFor(seconds * 1000);
  const double played = double(clock.nsecsElapsed()) / 1e9;
  session->pause();
  std::printf("play at 500 steps/s for %.1f s: %.1f steps/s reached; longest event-loop stall %.1f ms\n", played,
              (session->steps() - stepsBefore) / played, worstGap);
  for (const auto &[view, count] : refreshCounts(window))
    std::printf("  %-18s %.1f redraws/s\n", qPrintable(view), (count - countsBefore.at(view)) / played);
  std::printf("memory after play: process RSS %.0f MiB, %d steps\n", residentMiB(), session->steps());

  // Hover and click-free interaction on the heatmaps: mouse moves over random cells, each with its tooltip.
  auto *heatmap = window.findChild<GateHeatmapView *>(QStringLiteral("gateHeatmapView"));
  QWidget *plot = heatmap->findChild<QWidget *>(QStringLiteral("heatmapPlot"));
  clock.restart();
  const int moves = 300;
  for (int i = 0; i < moves; ++i) {
    QTest::mouseMove(plot, QPoint(60 + (i * 37) % std::max(1, plot->width() - 120), 20 + (i * 53) % std::max(1, plot->height() - 40)));
    QCoreApplication::processEvents();
  }
  std::printf("heatmap hover: %.2f ms per mouse move (tooltip included)\n", double(clock.nsecsElapsed()) / 1e6 / moves);

  // Scroll and zoom: step-window changes on the heatmaps, each followed by a full redraw.
  clock.restart();
  const int frames = 60;
  for (int i = 0; i < frames; ++i) {
    QWheelEvent wheel(QPointF(plot->width() / 2.0, plot->height() / 3.0), plot->mapToGlobal(QPoint(plot->width() / 2, 10)),
                      QPoint(), QPoint(0, (i % 20 < 10) ? -120 : 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(plot, &wheel);
    window.flushRedraws();
    plot->repaint();
  }
  std::printf("heatmap zoom in/out over up to %d steps: %.1f ms per frame (data reload + replot + paint)\n", session->steps(),
              double(clock.nsecsElapsed()) / 1e6 / frames);

  auto *textView = window.findChild<TextView *>(QStringLiteral("textView"));
  QScrollBar *bar = textView->verticalScrollBar();
  clock.restart();
  for (int i = 0; i < frames; ++i) {
    bar->setValue(bar->maximum() * i / frames);
    textView->viewport()->repaint();
  }
  std::printf("text view scroll through %d characters: %.2f ms per frame\n", session->tapeLength(),
              double(clock.nsecsElapsed()) / 1e6 / frames);
  clock.restart();
  for (int i = 0; i < 20; ++i) {
    session->selectUnit(0, (i * 31) % units);
    window.flushRedraws();
    window.repaint();
  }
  std::printf("select another unit (every view redraws): %.1f ms per selection\n", double(clock.nsecsElapsed()) / 1e6 / 20);
  return 0;
}
