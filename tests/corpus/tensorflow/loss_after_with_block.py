# gradrepl-corpus: target=model.trainable_variables cause=outside_tape line=13 symptom=error
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input((5,)), tf.keras.layers.Dense(1)])
loss_fn = tf.keras.losses.MeanSquaredError()
optimizer = tf.keras.optimizers.Adam()
x = tf.random.normal((20, 5))
y = tf.random.normal((20, 1))

for epoch in range(2):
    with tf.GradientTape() as tape:
        predictions = model(x, training=True)
    loss = loss_fn(y, predictions)
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
