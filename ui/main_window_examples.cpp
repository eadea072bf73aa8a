// MainWindow's examples and forecasts: File ▸ Open example, and the Forecast dock fed by the model opener.
#include "main_window.h"

#include "common/dialogs.h"
#include "explore/forecast.h"
#include "forecast/forecast_view.h"
#include "gallery/example_gallery.h"
#include "gallery/example_gallery_dialog.h"
#include "opening/model_opener.h"

#include <QDockWidget>
#include <QStatusBar>

namespace lstm {

void MainWindow::openExampleGallery() {
  QStringList problems;
  std::vector<ExampleEntry> entries = loadExamples(builtInExamplePaths(), &problems);
  for (const QString &problem : problems) // a damaged build, never a user error: say it, show the rest
    qWarning("example gallery: %s", qPrintable(problem));
  ExampleGalleryDialog dialog(std::move(entries), this);
  if (dialogs::exec(dialog) != QDialog::Accepted || !dialog.chosen())
    return;
  QString error;
  if (!m_opener->openExample(*dialog.chosen(), &error))
    dialogs::error(this, tr("Cannot open the example"), error);
}

void MainWindow::connectForecast() {
  connect(m_opener, &ModelOpener::opened, this, [this](const std::shared_ptr<const Model> &model) {
    m_forecast->setModel(model);
    if (model && isSeriesModel(*model))
      showDock(QStringLiteral("forecastDock"));
    else if (auto *heatmaps = findChild<QDockWidget *>(QStringLiteral("heatmapDock")))
      heatmaps->raise(); // the Forecast tab may still be in front from a series model
  });
  connect(m_opener, &ModelOpener::weightsSwapped, m_forecast, &ForecastView::setModel);
  connect(m_opener, &ModelOpener::seriesLoaded, m_forecast, [this](const ModelSeries &series) {
    m_forecast->setSeries(series.values, series.validationStart, series.column);
  });
  connect(m_opener, &ModelOpener::seriesUnavailable, this, [this](const QString &problem) {
    statusBar()->showMessage(tr("No series to forecast: %1").arg(problem), 8000);
  });
}

} // namespace lstm
