#pragma once
// Which layer, unit and quantity the views show: spin boxes and a combo kept in step with the session, so a
// click in a heatmap and a typed unit number are the same thing.
#include <QToolBar>

class QComboBox;
class QLabel;
class QSpinBox;

namespace lstm {

class ExplorerSession;

class SelectionToolBar : public QToolBar {
  Q_OBJECT
public:
  explicit SelectionToolBar(ExplorerSession *session, QWidget *parent = nullptr);

protected:
  void changeEvent(QEvent *event) override;

private:
  void retranslateUi();
  void syncFromSession();

  ExplorerSession *m_session;
  QSpinBox *m_layer, *m_unit;
  QComboBox *m_quantity;
  QLabel *m_layerLabel, *m_unitLabel, *m_quantityLabel;
};

} // namespace lstm
