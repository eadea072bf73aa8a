#pragma once
// ForecastView's plot: the true series from some context before the validation part, the one-step-ahead and the
// multi-step forecasts, the validation boundary and the forecast start, with a one-line legend under the plot.
// The time axis opens on the multi-step forecast until the user drags or zooms it (a double click returns there);
// the value axis always spans every curve. A click, not a drag, in the plot picks a new forecast start.
// QCustomPlot stays inside this class's .cpp. GUI thread only.
#include "explore/forecast.h"

#include <QObject>
#include <QPoint>
#include <QString>

#include <cstdint>
#include <span>

class QCustomPlot;
class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;
class QWidget;

namespace lstm {

class ForecastPlot : public QObject {
  Q_OBJECT
public:
  explicit ForecastPlot(QWidget *parent); // the plot widget is a child of `parent`

  QWidget *widget() const; // the plot, to lay out and show or hide
  void retranslateUi();
  // The true values [shownFrom, values.size()) with the boundary before `validationStart`; the time axis never
  // opens before shownFrom, nor on less than the scored part [scoreFrom, values.size()) without a forecast.
  void showSeries(std::span<const double> values, std::int64_t validationStart, std::int64_t shownFrom,
                  std::int64_t scoreFrom, const QString &name);
  void clearSeries(); // nothing to show: no truth, no boundary, clicks pick nothing
  // Draws both forecasts (predictions in original units) and fits the axes.
  void showForecasts(const OneStepForecast &oneStep, const MultiStepForecast &multiStep);
  void resetZoom(); // the time axis follows the forecast again
  // Saves the plot as PNG or PDF (by extension); false with "<path>: <problem>" in `error`.
  bool exportImage(const QString &path, QString *error);

Q_SIGNALS:
  void startPicked(std::int64_t step); // a click at time step `step` inside the axes

private:
  void rescale();
  void onReleased(const QPoint &pos);

  QCustomPlot *m_plot = nullptr;
  QCPGraph *m_truthGraph = nullptr;
  QCPGraph *m_oneStepGraph = nullptr;
  QCPGraph *m_multiGraph = nullptr;
  QCPItemStraightLine *m_validationLine = nullptr;
  QCPItemStraightLine *m_startLine = nullptr;
  QCPItemText *m_validationText = nullptr;

  bool m_hasSeries = false;
  std::int64_t m_seriesSize = 0, m_shownFrom = 0, m_scoreFrom = 0;
  std::int64_t m_multiStart = 0;  // the shown multi-step forecast: first step …
  std::int64_t m_multiLength = 0; // … and how many
  bool m_userZoomed = false;      // the user dragged or zoomed: results keep the x range
  QPoint m_pressPos;
};

} // namespace lstm
