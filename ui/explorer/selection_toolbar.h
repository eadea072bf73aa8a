#pragma once
// Which layer, unit and quantity the views show: spin boxes and a combo kept in step with the session, so a
// click in a heatmap and a typed unit number are the same thing.
#include <QToolBar>

class QComboBox;
class QSpinBox;

namespace lstm {

class ExplorerSession;

class SelectionToolBar : public QToolBar {
  Q_OBJECT
public:
  explicit SelectionToolBar(ExplorerSession *session, QWidget *parent = nullptr);

private:
  void syncFromSession();

  ExplorerSession *m_session;
  QSpinBox *m_layer, *m_unit;
  QComboBox *m_quantity;
};

} // namespace lstm
