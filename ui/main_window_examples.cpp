// MainWindow's lessons and series: File ▸ Open example, opening a model that carries a lesson (primed and with its
// unit selected), and the forecast dock fed with the series a model was trained on.
#include "main_window.h"

#include "common/dialogs.h"
#include "data/series_corpus.h"
#include "explorer/explorer_session.h"
#include "explore/forecast.h"
#include "forecast/forecast_view.h"
#include "gallery/example_gallery.h"
#include "gallery/example_gallery_dialog.h"
#include "io/model_metadata.h"

#include <QDockWidget>
#include <QStatusBar>
#include <QThread>

namespace lstm {

namespace {
constexpr std::int64_t kSeriesShown = 400;   // values the explorer reads of a series model's data …
constexpr std::int64_t kSeriesContext = 200; // … of which this many come before its validation part
} // namespace

void MainWindow::openExampleGallery() {
  QStringList problems;
  std::vector<ExampleEntry> entries = loadExamples(builtInExamplePaths(), &problems);
  for (const QString &problem : problems) // a damaged build, never a user error: say it, show the rest
    qWarning("example gallery: %s", qPrintable(problem));
  ExampleGalleryDialog dialog(std::move(entries), this);
  if (dialogs::exec(dialog) != QDialog::Accepted || !dialog.chosen())
    return;
  QString error;
  if (!openExample(*m_session, *dialog.chosen(), &error)) {
    dialogs::error(this, tr("Cannot open the example"), error);
    return;
  }
  afterModelOpened();
}

bool MainWindow::openLessonOf(const QString &path) {
  const auto lesson = ExampleLesson::of(m_session->model());
  if (!lesson)
    return false;
  QString error;
  return openExample(*m_session, ExampleEntry{path, m_session->sharedModel(), *lesson}, &error);
}

void MainWindow::afterModelOpened() {
  const auto model = m_session->sharedModel();
  m_forecast->setModel(model);
  if (!model || !isSeriesModel(*model)) {
    if (auto *heatmaps = findChild<QDockWidget *>(QStringLiteral("heatmapDock")))
      heatmaps->raise(); // the Forecast tab may still be in front from a series model
    return;
  }
  m_forecastDock->show();
  m_forecastDock->raise();
  loadSeriesOf(*model);
}

void MainWindow::loadSeriesOf(const Model &model) {
  // The series is regenerated or re-read from its CSV file off the GUI thread; a newer request wins.
  const SeriesRecord series = readMetadata(model.metadata).series.value_or(SeriesRecord{});
  const int generation = ++m_seriesGeneration;
  if (m_seriesLoader)
    m_seriesLoader->wait();
  m_seriesLoader.reset(QThread::create([this, series, generation] {
    QString error;
    auto values = seriesValuesOf(series, &error);
    QMetaObject::invokeMethod(this, [this, values = std::move(values), error, series, generation]() mutable {
      if (generation != m_seriesGeneration)
        return;
      if (!values) {
        statusBar()->showMessage(tr("No series to forecast: %1").arg(error), 8000);
        return;
      }
      const auto size = std::int64_t(values->size());
      const std::int64_t validation = std::clamp<std::int64_t>(series.validationStart.value_or(size * 9 / 10), 1, size - 1);
      // The explorer steps through a stretch around the start of the held-out part (steps are time points), so
      // its gates can be read beside the forecast of the same values.
      const std::int64_t first = std::max<std::int64_t>(0, validation - kSeriesContext);
      const std::int64_t last = std::min(size, validation + kSeriesShown - kSeriesContext);
      QString refusal;
      if (m_session->setSeries(std::vector<double>(values->begin() + first, values->begin() + last), &refusal)) {
        m_session->setMode(DriveMode::Read);
        m_session->stepMany(m_session->tapeLength());
      } else {
        statusBar()->showMessage(refusal, 8000);
      }
      m_forecast->setSeries(std::move(*values), validation, series.column);
    }, Qt::QueuedConnection);
  }));
  m_seriesLoader->start();
}

void MainWindow::waitForSeriesLoader() {
  if (m_seriesLoader)
    m_seriesLoader->wait(); // its queued result dies with this window
}

} // namespace lstm
